// The public API of @roster/ui. Every export is named here.
export {};
