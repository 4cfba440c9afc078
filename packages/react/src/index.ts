// The public API of @roster/react. Every export is named here.
export {};
