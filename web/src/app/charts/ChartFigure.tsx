import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Details, Table } from '@digdir/designsystemet-react';
import { Swatch } from './SeriesPatterns.js';
import type { SeriesStyle } from './palette.js';
import type { DataTableModel } from './tables.js';
import './charts.css';

export interface LegendEntry {
  label: string;
  style: SeriesStyle;
}

/**
 * A chart as a figure: caption, the picture (an SVG named for assistive technology), a legend in words
 * and patterns, and the same numbers as a table — shown, or behind a disclosure the reader opens.
 */
export function ChartFigure({
  chartId,
  caption,
  legend,
  table,
  tableOpen = false,
  empty,
  children,
}: {
  chartId: string;
  caption: ReactNode;
  legend?: readonly LegendEntry[];
  table: DataTableModel;
  /** Show the table at once instead of behind "Show the figures as a table". */
  tableOpen?: boolean;
  /** Shown instead of the picture and the table when there is nothing to draw. */
  empty?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  if (table.rows.length === 0) {
    return (
      <figure className="chart" aria-labelledby={captionId}>
        <figcaption id={captionId} className="chart__caption">{caption}</figcaption>
        <p className="chart__empty">{empty ?? t('charts.noData')}</p>
      </figure>
    );
  }
  const tableView = (
    <div className="chart__table table-scroll" role="region" aria-labelledby={`${captionId}-table`} tabIndex={0}>
      <Table data-size="sm" zebra>
        <caption id={`${captionId}-table`} className="sr-only">
          {t('charts.tableOf')} {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            {table.columns.map((column, index) => (
              <Table.HeaderCell key={index} scope="col" className={index > 0 ? 'chart__number' : undefined}>
                {column}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {table.rows.map((row, index) => (
            <Table.Row key={index}>
              <Table.HeaderCell scope="row">{row.header}</Table.HeaderCell>
              {row.cells.map((cell, column) => (
                <Table.Cell key={column} className="chart__number">
                  {cell}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart__caption">
        {caption}
      </figcaption>
      <div className="chart__plot">{children}</div>
      {legend && legend.length > 0 && (
        <ul className="chart__legend" aria-label={t('charts.legend')}>
          {legend.map((entry, index) => (
            <li key={entry.label}>
              <Swatch chartId={chartId} index={index} style={entry.style} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      {tableOpen ? (
        tableView
      ) : (
        <Details className="chart__details">
          <Details.Summary>{t('charts.showTable')}</Details.Summary>
          <Details.Content>{tableView}</Details.Content>
        </Details>
      )}
    </figure>
  );
}
