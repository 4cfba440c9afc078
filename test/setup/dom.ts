// Shared setup for the jsdom test projects (react, ui).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// What users import in their own jsdom tests: Radix Select's missing DOM methods as no-ops. Real
// browser behaviour is checked in Chromium (story tests and end-to-end).
import '@roster/ui/test-setup';

afterEach(() => {
  cleanup();
});
