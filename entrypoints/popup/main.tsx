// First: the popup's first question and the kept first screen, before React is evaluated.
import { ready } from '../../components/popupStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import './style.css';

// Performance marks (docket:start, docket:revision, docket:render) show where the first screen's time goes.
void ready.then(() => {
  performance.mark('docket:render');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
