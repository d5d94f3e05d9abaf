// Entry point: connect to the host, feed the stores from it, render the screen.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost } from '../api';
import { createStores, feedStores, WardenProvider } from '../state';
import { App } from './App';
import './styles/theme.css';
import './styles/layout.css';
import './styles/widgets.css';
import './styles/tables.css';
import './styles/side.css';
import './styles/dashboard.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const api = connectToHost();
const stores = createStores();
feedStores(api, stores);

createRoot(root).render(
  <StrictMode>
    <WardenProvider value={{ api, stores }}>
      <App />
    </WardenProvider>
  </StrictMode>,
);
