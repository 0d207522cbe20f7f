import { useTranslation } from 'react-i18next';
import { Tag } from '@digdir/designsystemet-react';
import type { Status } from '../../../src/portfolio/life-cycle.js';

/** Tag colours by where an initiative stands; the word always says it too. */
const STATUS_COLOURS: Record<Status, 'neutral' | 'info' | 'brand1' | 'brand2' | 'success' | 'danger' | 'warning'> = {
  idea: 'neutral',
  'pre-project': 'info',
  application: 'info',
  submitted: 'brand2',
  granted: 'success',
  rejected: 'danger',
  running: 'brand1',
  closed: 'neutral',
  withdrawn: 'warning',
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATUS_COLOURS[status]} data-size="sm">
      {t(`portfolio.status.${status}`)}
    </Tag>
  );
}
