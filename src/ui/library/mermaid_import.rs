//! Creating a map from a Mermaid `journey` diagram: paste the text or open a `.mmd` file,
//! see what the core's reader made of it (errors and warnings with line and column), then
//! create the map. The preview is read again on every change; nothing is stored until
//! "Create map".

use journey_core::interop::{import_mermaid, ImportAction, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::ui::browser::files::read_picked;
use crate::ui::shell::route::{navigate, Page};
use crate::ui::state::{new_id, now_ms, AppState};
use crate::i18n::library::library_texts;

#[component]
pub fn MermaidImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || library_texts(state.lang.get());
    let text = RwSignal::new(String::new());
    let unreadable = RwSignal::new(None::<String>);
    // A preview with placeholder id and time; the real ones are given on "Create map".
    let preview = move || {
        let text = text.get();
        (!text.trim().is_empty()).then(|| import_mermaid(&text, "preview", 0.0, state.lang.get()))
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        spawn_local(async move {
            match read_picked(&input).await {
                Some((_, Ok(content))) => {
                    unreadable.set(None);
                    text.set(content);
                }
                Some((_, Err(why))) => unreadable.set(Some(why)),
                None => {}
            }
        });
    };
    let create = move |_| {
        let lang = state.lang.get_untracked();
        if let Ok(result) = import_mermaid(&text.get_untracked(), new_id(), now_ms(), lang) {
            // A fresh id cannot meet an existing map, so this only ever adds.
            if let Some(id) = state.store_import(ImportAction::Add(result.map)) {
                text.set(String::new());
                navigate(&Page::map(id));
            }
        }
    };

    view! {
        <div class="mermaid-import">
            <h3>{move || it().mermaid_title}</h3>
            <label class="stacked">
                <span>{move || it().mermaid_text_label}</span>
                <textarea rows="8" spellcheck="false" data-testid="mermaid-input"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <label class="file-pick">
                <span>{move || it().mermaid_file_label}</span>
                <input type="file" accept=".mmd,.mermaid,.txt,text/plain" data-testid="mermaid-file" on:change=on_pick/>
            </label>
            {move || unreadable.get().map(|why| view! { <p class="notice error" role="alert">{(it().file_unreadable)(&why)}</p> })}
            {move || preview().map(|result| {
                let lang = state.lang.get();
                let t = library_texts(lang);
                match result {
                    Err(issue) => view! {
                        <p class="notice error" role="alert" data-testid="mermaid-issue" data-severity="error">
                            {t.severity_error} ": " {issue.message(lang)}
                        </p>
                    }.into_any(),
                    Ok(import) => {
                        let summary = (t.mermaid_preview)(&import.map.name, import.map.stages.len(), import.map.touchpoints.len());
                        let issues = import.issues.iter().map(|i| {
                            let (label, sev) = match i.severity() {
                                Severity::Error => (t.severity_error, "error"),
                                Severity::Warning => (t.severity_warning, "warning"),
                            };
                            view! { <li data-testid="mermaid-issue" data-severity=sev><strong>{label}</strong> ": " {i.message(lang)}</li> }
                        }).collect_view();
                        view! {
                            <div class="mermaid-preview" data-testid="mermaid-preview" aria-live="polite">
                                <p>{summary}</p>
                                {if import.issues.is_empty() {
                                    view! { <p class="muted">{t.mermaid_no_issues}</p> }.into_any()
                                } else {
                                    view! { <ul class="issues">{issues}</ul> }.into_any()
                                }}
                                <button type="button" data-testid="mermaid-create" on:click=create>{t.mermaid_create}</button>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </div>
    }
}
