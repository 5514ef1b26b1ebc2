//! The storage meter in the library: how much of the browser's local storage the app's keys
//! take against the estimated quota. Near the quota it offers to export a backup and to
//! delete the oldest snapshots — only after the user confirms the listed snapshots.

use journey_core::storage_meter::{human_size, StorageUsage};
use leptos::prelude::*;

use crate::ui::browser::time::date_time;
use journey_core::locale::percent;
use crate::ui::state::AppState;
use crate::i18n::library::library_texts;

#[component]
pub fn StorageMeter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let t = move || library_texts(lang());
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    // Both follow `AppState::version`: re-measured after every save and deletion.
    let usage = Memo::new(move |_| state.storage_usage());
    let candidates = Memo::new(move |_| {
        confirming.track();
        state.snapshots_to_drop()
    });
    let export = move |_| crate::ui::shell::backup::export_backup_file(state);
    let drop_them = move |_: ()| {
        let list = candidates.get_untracked();
        for h in &list {
            state.delete_snapshot(&h.map_id, &h.id);
        }
        confirming.set(false);
        message.set(Some((t().dropped)(list.len())));
    };
    view! {
        <section class="storage-meter" data-testid="storage-meter" aria-labelledby="storage-title">
            <h2 id="storage-title">{move || t().storage_title}</h2>
            {move || {
                let u: StorageUsage = usage.get();
                let l = lang();
                view! {
                    <meter min="0" max=u.quota.to_string() value=u.used.to_string() high=(u.quota as f64 * 0.8).to_string()
                        aria-label=t().storage_title></meter>
                    <p data-testid="storage-used" data-used=u.used.to_string()>
                        {(t().storage_used)(&human_size(u.used, l), &human_size(u.quota, l), &percent(u.share(), 0, l))}
                        " " {(u.snapshots > 0).then(|| (t().storage_snapshots)(&human_size(u.snapshots, l)))}
                    </p>
                    {u.near_quota().then(|| view! { <p class="notice warning" role="alert" data-testid="storage-near">{t().storage_near}</p> })}
                }
            }}
            <div class="storage-actions">
                <button type="button" data-testid="meter-export-backup" on:click=export>{move || t().meter_export_backup}</button>
                <button type="button" data-testid="drop-old-snapshots" on:click=move |_| { message.set(None); confirming.set(true); }>{move || t().drop_old}</button>
            </div>
            <Show when=move || confirming.get()>
                {move || {
                    let list = candidates.get();
                    if list.is_empty() {
                        return view! { <p role="status">{t().nothing_to_drop} " " <button type="button" on:click=move |_| confirming.set(false)>{t().close}</button></p> }.into_any();
                    }
                    let n = list.len();
                    let l = lang();
                    let items = list.iter().map(|h| {
                        let of_map = state.library.with_untracked(|lib| lib.get(&h.map_id).map(|m| (t().of_map)(&m.name))).unwrap_or_default();
                        view! { <li>{h.name.clone()} " " {of_map} " – " {date_time(h.taken_at, l)} " (" {human_size(h.size, l)} ")"</li> }
                    }).collect_view();
                    view! {
                        <crate::ui::shell::dialog::ConfirmBox testid="confirm-drop" yes_testid="confirm-drop-yes"
                            question=Signal::derive(move || (t().confirm_drop)(n))
                            yes=Signal::derive(move || (t().drop_yes)(n)) no=Signal::derive(move || t().cancel.to_string())
                            on_yes=move || drop_them(()) close=move || confirming.set(false)>
                            <ul>{items}</ul>
                        </crate::ui::shell::dialog::ConfirmBox>
                    }.into_any()
                }}
            </Show>
            {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        </section>
    }
}
