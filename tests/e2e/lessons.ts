// Generated from core's lesson registry (core/src/lesson/mod.rs) by `make posters`; `make test`
// fails while it is out of date.

/** Every lesson, by its place in links to a moment. */
export const LESSONS = ["sequential-vs-concurrent", "async-fn", "gather", "api-requests", "context-manager", "async-methods", "cpu-bound", "race", "timeout", "errors", "limit", "as-completed", "retry"];

/** The lessons in teaching order, as the chooser numbers them. */
export const PATH = ["sequential-vs-concurrent", "async-fn", "gather", "as-completed", "api-requests", "async-methods", "context-manager", "errors", "race", "timeout", "retry", "limit", "cpu-bound"];
