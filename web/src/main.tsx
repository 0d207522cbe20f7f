import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Spinner } from '@digdir/designsystemet-react';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import './app/i18n.js';
import { Layout } from './app/Layout.js';

// Each page is its own chunk: the first view downloads only what it shows.
const HomePage = lazy(() => import('./pages/HomePage.js'));
const ProgrammeListPage = lazy(() => import('./catalogue/ProgrammeListPage.js'));
const ProgrammePage = lazy(() => import('./catalogue/ProgrammePage.js'));
const NavigatorPage = lazy(() => import('./navigator/NavigatorPage.js'));
const AboutPage = lazy(() => import('./pages/AboutPage.js'));
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage.js'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.js'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Layout>
        <Suspense fallback={<Spinner aria-label="…" />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/programmes" element={<ProgrammeListPage />} />
            <Route path="/programmes/:id" element={<ProgrammePage />} />
            <Route path="/navigator" element={<NavigatorPage />} />
            <Route path="/about" element={<AboutPage />} />
            <Route path="/accessibility" element={<AccessibilityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </Layout>
    </BrowserRouter>
  </StrictMode>,
);
