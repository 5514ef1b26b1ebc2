//! A file too large for the tab is refused before any of it is read: the page checks
//! `File.size` against [`TAB_LIMIT_BYTES`] and, above it, says the size, the limit and
//! the warehouse route (the SQL shipped with the app, docs/scale.md) instead of reading
//! the file or asking the worker for anything.
//!
//! Why 500 MB (docs/analytics.md, "Files too large for the tab"): the import holds the
//! file's bytes, their copy in wasm memory and the parsed log at once — measured natively
//! 2.6 bytes per CSV byte at peak (1,000,000 events, 47.5 MB → 122 MB). A wasm32 worker
//! cannot grow past 4 GiB and its vectors grow by doubling, so half of that budget over
//! 2.6 leaves about 800 MB; 500 MB keeps room for the metrics and a second import.

use journey_core::locale::number;
use leptos::prelude::*;

use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use crate::ui::state::AppState;

/// The largest file (in bytes, as `File.size` gives them) the tab imports.
pub const TAB_LIMIT_BYTES: f64 = 500e6;

/// True (and the page shows the refusal) when `size` bytes are above the tab's limit.
pub fn refuse(ctx: Ctx, size: f64) -> bool {
    let too_large = size > TAB_LIMIT_BYTES;
    ctx.too_large.set(too_large.then_some(size));
    too_large
}

/// Megabytes (10⁶ bytes, as file managers show them) in the page's number format.
fn megabytes(bytes: f64, lang: journey_core::model::Lang) -> String {
    format!("{} MB", number(bytes / 1e6, 0, lang))
}

/// The refusal: size, limit, and links to the SQL and its guide shipped with the app.
#[component]
pub fn TooLargeView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        ctx.too_large.get().map(|size| {
            let lang = state.lang.get();
            let t = analytics_texts(lang);
            view! {
                <div class="analytics-error analytics-too-large" role="alert" data-testid="too-large">
                    <p>{(t.too_large)(&megabytes(size, lang), &megabytes(TAB_LIMIT_BYTES, lang))}</p>
                    <p>{t.too_large_route}</p>
                    <ul>
                        <li><a href="docs/scale.md" target="_blank" rel="noopener" data-testid="too-large-guide">{t.too_large_guide}</a></li>
                        <li>{t.too_large_sql}" "
                            <a href="sql/duckdb/aggregate.sql" target="_blank" rel="noopener">"DuckDB"</a>", "
                            <a href="sql/bigquery/aggregate.sql" target="_blank" rel="noopener">"BigQuery"</a>", "
                            <a href="sql/clickhouse/aggregate.sql" target="_blank" rel="noopener">"ClickHouse"</a>", "
                            <a href="sql/spark/aggregate.sql" target="_blank" rel="noopener">"Spark"</a>
                        </li>
                    </ul>
                </div>
            }
        })
    }
}
