// The public API of @roster/server. Every export is named here.
export {};
