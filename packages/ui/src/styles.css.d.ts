// Importing the stylesheet is a side effect only: it exports nothing.
export {};
