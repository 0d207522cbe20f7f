/**
 * A confirmation carried to the next page in the router's history state (e.g. "you are signed out",
 * "you have joined Moss kommune"); the layout shows it. A translation key, so a language switch applies.
 */
export interface Notice {
  key: string;
  params?: Record<string, string>;
}

export function withNotice(key: string, params?: Record<string, string>): { state: { notice: Notice } } {
  return { state: { notice: { key, params } } };
}

export function noticeOf(state: unknown): Notice | undefined {
  const notice = (state as { notice?: Notice } | null)?.notice;
  return notice && typeof notice.key === 'string' ? notice : undefined;
}
