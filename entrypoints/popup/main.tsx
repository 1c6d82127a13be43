// First: the popup's first question and the kept first screen, before React is evaluated.
import { ready } from '../../components/popupStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import './style.css';

void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
