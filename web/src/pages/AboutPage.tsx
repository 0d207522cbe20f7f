import { TextPage } from './TextPage.js';

export default function AboutPage() {
  return <TextPage titleKey="about.title" introKey="about.purpose" sections={[{ titleKey: 'about.factsTitle', textKey: 'about.facts' }]} />;
}
