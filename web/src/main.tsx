import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Outlet, Route, RouterProvider, createBrowserRouter, createRoutesFromElements } from 'react-router-dom';
import { Spinner } from '@digdir/designsystemet-react';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import './app/i18n.js';
import { Layout } from './app/Layout.js';
import { RequireSignIn, SessionProvider } from './app/session.js';
import { PageError } from './pages/PageError.js';

// Each page is its own chunk: the first view downloads only what it shows.
const HomePage = lazy(() => import('./pages/HomePage.js'));
const ProgrammeListPage = lazy(() => import('./catalogue/ProgrammeListPage.js'));
const ProgrammePage = lazy(() => import('./catalogue/ProgrammePage.js'));
const NavigatorPage = lazy(() => import('./navigator/NavigatorPage.js'));
const AboutPage = lazy(() => import('./pages/AboutPage.js'));
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage.js'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.js'));
const SignInPage = lazy(() => import('./accounts/SignInPage.js'));
const ForgotPasswordPage = lazy(() => import('./accounts/ForgotPasswordPage.js'));
const ResetPasswordPage = lazy(() => import('./accounts/ResetPasswordPage.js'));
const MyPage = lazy(() => import('./accounts/MyPage.js'));
const AcceptInvitationPage = lazy(() => import('./accounts/AcceptInvitationPage.js'));
const AdminHomePage = lazy(() => import('./admin/AdminHomePage.js'));
const NewOrganisationPage = lazy(() => import('./admin/NewOrganisationPage.js'));
const OrganisationPage = lazy(() => import('./admin/OrganisationPage.js'));
const AuditPage = lazy(() => import('./admin/AuditPage.js'));
const SurveyRoundsPage = lazy(() => import('./survey/RoundsPage.js'));
const NewSurveyRoundPage = lazy(() => import('./survey/NewRoundPage.js'));
const SurveyRoundPage = lazy(() => import('./survey/RoundPage.js'));
const SurveySummaryPage = lazy(() => import('./survey/SummaryPage.js'));
const SurveyOpportunitiesPage = lazy(() => import('./survey/OpportunitiesPage.js'));
const SurveyRespondentPage = lazy(() => import('./survey/RespondentPage.js'));
const InitiativeListPage = lazy(() => import('./portfolio/InitiativeListPage.js'));
const InitiativeFormPage = lazy(() => import('./portfolio/InitiativeFormPage.js'));
const InitiativePage = lazy(() => import('./portfolio/InitiativePage.js'));
const PortfolioDashboardPage = lazy(() => import('./portfolio/DashboardPage.js'));
const PortfolioImportPage = lazy(() => import('./portfolio/ImportPage.js'));

/** What every page shares: who is signed in, the layout, and a spinner while a page's chunk loads. */
function Root() {
  return (
    <SessionProvider>
      <Layout>
        <Suspense fallback={<Spinner aria-label="…" />}>
          <Outlet />
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}

// A data router, so that a page can hold navigation back (useBlocker) while it has unsaved changes.
const router = createBrowserRouter(
  createRoutesFromElements(
    <Route element={<Root />}>
      {/* Inside the layout: a page that fails shows a message in the user's language, not the router's own. */}
      <Route errorElement={<PageError />}>
        <Route path="/" element={<HomePage />} />
        <Route path="/programmes" element={<ProgrammeListPage />} />
        <Route path="/programmes/:id" element={<ProgrammePage />} />
        <Route path="/navigator" element={<NavigatorPage />} />
        <Route path="/about" element={<AboutPage />} />
        <Route path="/accessibility" element={<AccessibilityPage />} />
        <Route path="/logg-inn" element={<SignInPage />} />
        <Route path="/glemt-passord" element={<ForgotPasswordPage />} />
        <Route path="/tilbakestill-passord" element={<ResetPasswordPage />} />
        <Route path="/min-side" element={<RequireSignIn><MyPage /></RequireSignIn>} />
        <Route path="/invitasjon" element={<AcceptInvitationPage />} />
        <Route path="/admin" element={<RequireSignIn><AdminHomePage /></RequireSignIn>} />
        <Route path="/admin/organisasjoner/ny" element={<RequireSignIn><NewOrganisationPage /></RequireSignIn>} />
        <Route path="/admin/organisasjoner/:id" element={<RequireSignIn><OrganisationPage /></RequireSignIn>} />
        <Route path="/admin/organisasjoner/:id/logg" element={<RequireSignIn><AuditPage /></RequireSignIn>} />
        <Route path="/kartlegging" element={<RequireSignIn><SurveyRoundsPage /></RequireSignIn>} />
        <Route path="/kartlegging/ny" element={<RequireSignIn><NewSurveyRoundPage /></RequireSignIn>} />
        <Route path="/kartlegging/:id" element={<RequireSignIn><SurveyRoundPage /></RequireSignIn>} />
        <Route path="/kartlegging/:id/sammendrag" element={<RequireSignIn><SurveySummaryPage /></RequireSignIn>} />
        <Route path="/kartlegging/:id/muligheter" element={<RequireSignIn><SurveyOpportunitiesPage /></RequireSignIn>} />
        <Route path="/svar/:token" element={<SurveyRespondentPage />} />
        <Route path="/portefolje" element={<RequireSignIn><InitiativeListPage /></RequireSignIn>} />
        <Route path="/portefolje/ny" element={<RequireSignIn><InitiativeFormPage /></RequireSignIn>} />
        <Route path="/portefolje/oversikt" element={<RequireSignIn><PortfolioDashboardPage /></RequireSignIn>} />
        <Route path="/portefolje/import" element={<RequireSignIn><PortfolioImportPage /></RequireSignIn>} />
        <Route path="/portefolje/:id" element={<RequireSignIn><InitiativePage /></RequireSignIn>} />
        <Route path="/portefolje/:id/rediger" element={<RequireSignIn><InitiativeFormPage key="edit" /></RequireSignIn>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Route>,
  ),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
