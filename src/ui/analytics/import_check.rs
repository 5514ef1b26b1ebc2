//! After an import: the warnings of `journey_core::analytics::check_import` when the
//! result looks wrong (each names the mapping to check), shown above the metrics so a
//! misread file is never presented as a plain success; and, for a source preset, what
//! it found (records, customers, tickets by channel and by contact reason).

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::sources::sources_texts;
use crate::ui::state::AppState;

#[component]
pub fn ImportCheck() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = sources_texts(lang);
        ctx.result.with(|r| {
            let summary = &r.as_ref()?.summary;
            let warnings = summary.warning_messages(lang);
            let warn = (!warnings.is_empty()).then(|| {
                view! {
                    <section class="import-warnings" role="alert" data-testid="import-warnings">
                        <h2>{t.warnings_title}</h2>
                        <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    </section>
                }
            });
            let source = summary.source.as_ref().map(|s| {
                let list = |items: &[(String, u64)]| {
                    items
                        .iter()
                        .map(|(name, n)| view! { <li>{format!("{name}: {}", journey_core::locale::number(*n as f64, 0, lang))}</li> })
                        .collect_view()
                };
                let contacts = (!s.contacts.by_channel.is_empty()).then(|| {
                    view! {
                        <div class="contact-counts" data-testid="contact-counts">
                            <h3>{t.contacts_by_channel}</h3><ul>{list(&s.contacts.by_channel)}</ul>
                            <h3>{t.contacts_by_reason}</h3><ul>{list(&s.contacts.by_reason)}</ul>
                        </div>
                    }
                });
                view! {
                    <section class="source-result" data-testid="source-result">
                        <p>{(t.source_result)(s.records, s.customers, s.events)}</p>
                        {contacts}
                    </section>
                }
            });
            Some(view! { {warn} {source} })
        })
    }
}
