import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundApp } from './playground-app';
import '@roster/ui/styles.css';
import './playground.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <PlaygroundApp />
  </StrictMode>,
);
