import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/users/views/LoginPage';

const SignedInApp = lazy(() => import('./SignedInApp'));

/** /login is in the first bundle; everything else loads on demand. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/*"
        element={
          <Suspense fallback={null}>
            <SignedInApp />
          </Suspense>
        }
      />
    </Routes>
  );
}
