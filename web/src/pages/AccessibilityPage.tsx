import { TextPage } from './TextPage.js';

export default function AccessibilityPage() {
  return <TextPage titleKey="accessibility.title" introKey="accessibility.statement" sections={[{ titleKey: 'accessibility.testedTitle', textKey: 'accessibility.tested' }]} />;
}
