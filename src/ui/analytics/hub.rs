//! The customer hub on the analytics page: files read with their source preset are added
//! to a list ("Add to the customer hub"), then joined per customer in the worker
//! (`Request::ImportHub`): one customer's orders, tickets and sessions become one
//! journey. E-mail addresses are replaced by the library's keyed hash in the worker
//! before anything is kept; after the join the page says how many customers matched
//! across sources. The files stay in this page's memory only.

use journey_core::analytics::session::Request;
use journey_core::analytics::sources::SourceOptions;
use journey_core::analytics::AnalysisOptions;
use leptos::prelude::*;

use super::{send_files, Ctx};
use crate::i18n::sources::sources_texts;
use crate::ui::state::AppState;

/// The files waiting to be joined: the files themselves (not reactive) and their names
/// and sources for the list.
#[derive(Clone, Copy)]
pub struct HubFiles {
    files: StoredValue<Vec<(web_sys::File, SourceOptions)>, LocalStorage>,
    pub list: RwSignal<Vec<(String, SourceOptions)>>,
}

impl HubFiles {
    pub fn new() -> HubFiles {
        HubFiles { files: StoredValue::new_local(Vec::new()), list: RwSignal::new(Vec::new()) }
    }

    /// Adds the page's current file with these options (a file added again replaces its entry).
    pub fn add(&self, ctx: Ctx, options: SourceOptions) {
        let Some(file) = ctx.file.get_value() else { return };
        let name = file.name();
        self.files.update_value(|f| {
            f.retain(|(x, _)| x.name() != name);
            f.push((file, options.clone()));
        });
        self.list.update(|l| {
            l.retain(|(n, _)| *n != name);
            l.push((name, options));
        });
    }

    fn clear(&self) {
        self.files.set_value(Vec::new());
        self.list.set(Vec::new());
    }
}

/// Sends every file (as one buffer with their lengths) for the worker to join.
fn join(ctx: Ctx, hub: HubFiles) {
    let (files, sources): (Vec<web_sys::File>, Vec<SourceOptions>) = hub.files.get_value().into_iter().unzip();
    if files.len() < 2 {
        return;
    }
    let recipe = hub.list.get_untracked().iter().map(|(name, o)| journey_core::analytics::recipe::from_source(o, name, None)).collect();
    super::recipe_step::remember(ctx, recipe);
    send_files(ctx, files, move |lang, map, _, lengths| {
        let sources = sources.into_iter().map(|o| SourceOptions { lang, ..o }).collect();
        Request::ImportHub { sources, lengths, options: AnalysisOptions::default(), lang, map }
    });
}

#[component]
pub fn HubView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let hub = expect_context::<HubFiles>();
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = sources_texts(lang);
        let list = hub.list.get();
        let matched = ctx.result.with(|r| r.as_ref().and_then(|r| r.summary.hub.clone()));
        if list.is_empty() && matched.is_none() {
            return None;
        }
        let items = list
            .iter()
            .map(|(name, o)| view! { <li>{format!("{name} — {}", o.source.label(lang))}</li> })
            .collect_view();
        let result = matched.map(|h| {
            let names: Vec<String> = list.iter().map(|(n, _)| n.clone()).collect();
            let pairs = h
                .pairs
                .iter()
                .map(|&(a, b, n)| {
                    let name = |i: usize| names.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1));
                    view! { <li>{(t.hub_pair)(&name(a), &name(b), n)}</li> }
                })
                .collect_view();
            view! {
                <p data-testid="hub-matched" data-value=h.matched.to_string()>{(t.hub_matched)(h.matched, h.customers)}</p>
                <ul data-testid="hub-pairs">{pairs}</ul>
            }
        });
        Some(view! {
            <section class="customer-hub" data-testid="customer-hub">
                <h2>{t.hub_title}</h2>
                <p class="muted">{t.hub_hint}</p>
                <ul data-testid="hub-files">{items}</ul>
                <button type="button" class="primary" data-testid="hub-join" disabled=move || hub.list.with(|l| l.len() < 2) || ctx.progress.get().is_some()
                    on:click=move |_| join(ctx, hub)>{t.hub_join}</button>
                " "
                <button type="button" data-testid="hub-clear" on:click=move |_| hub.clear()>{t.hub_clear}</button>
                {result}
            </section>
        })
    }
}
