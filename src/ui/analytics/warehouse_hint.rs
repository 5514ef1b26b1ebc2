//! The hint under the file picker for data too large for a browser tab: the SQL files
//! shipped with the app (copied into the site by `index.html`, so they download from the
//! published address) compute a summary in the warehouse, and the guide `docs/scale.md`
//! (shipped the same way) says how.

use leptos::prelude::*;

use crate::i18n::analytics::analytics_texts;
use crate::i18n::analytics_trust::trust_texts;
use crate::ui::state::AppState;

/// The engines whose SQL ships with the app, with the file's path in the site.
const SQL_FILES: [(&str, &str); 4] = [
    ("DuckDB", "sql/duckdb/aggregate.sql"),
    ("Spark", "sql/spark/aggregate.sql"),
    ("BigQuery", "sql/bigquery/aggregate.sql"),
    ("ClickHouse", "sql/clickhouse/aggregate.sql"),
];

/// Where the guide is published: beside the app, relative to its address.
pub const GUIDE: &str = "docs/scale.md";

#[component]
pub fn WarehouseHint() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = trust_texts(lang);
        let links = SQL_FILES
            .iter()
            .enumerate()
            .map(|(i, (name, path))| {
                view! { {(i > 0).then_some(", ")}<a href=*path download="" data-testid="sql-file">{*name}</a> }
            })
            .collect_view();
        view! {
            <p class="muted" data-testid="warehouse-hint">
                {analytics_texts(lang).picker_hint} " " {t.sql_files} " " {links} ". "
                <a href=GUIDE data-testid="scale-guide">{t.scale_guide}</a>
            </p>
        }
    }
}
