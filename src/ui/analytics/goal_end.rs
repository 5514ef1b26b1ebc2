//! The matching step for the main route's end, shown in the goal section when no activity
//! of the log is matched to it: one select ("Which activity of this log stands for …?",
//! activities in journey order) and, for activities with a similar name, a labelled
//! suggestion that takes a click. The goal section stores the choice like any matching
//! choice (`map.analytics.activity_matches`), so the goal then comes from the main route.

use journey_core::analytics::similar_activities;
use leptos::prelude::*;

use super::Ctx;
use crate::i18n::analytics_trust::trust_texts;
use crate::ui::state::AppState;

#[component]
pub fn EndMatching(
    /// The id of the main route's last touchpoint.
    end: String,
    /// The log's activity names, in journey order.
    names: Vec<String>,
    /// Matches the chosen activity to `end`.
    on_choose: Callback<String>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let choose = move |activity: String| on_choose.run(activity);
    move || {
        let t = trust_texts(state.lang.get());
        let map = ctx.map.map.get()?;
        let title = map.touchpoints.iter().find(|tp| tp.id == end)?.title.clone();
        let options = names
            .iter()
            .cloned()
            .map(|a| view! { <option value=a.clone()>{a.clone()}</option> })
            .collect_view();
        let suggestions = similar_activities(&end, &names, &map)
            .into_iter()
            .map(|a| {
                let a2 = a.clone();
                view! {
                    <button type="button" class="link suggestion" data-testid="end-match-suggestion" data-activity=a.clone()
                        on:click=move |_| choose(a2.clone())>{(t.end_match_suggestion)(&a)}</button>
                    " "
                }
            })
            .collect_view();
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            if !v.is_empty() {
                choose(v);
            }
        };
        Some(view! {
            <p class="mapping-field end-matching" data-testid="end-matching">
                <label for="end-match">{(t.end_match_label)(&title)}</label>
                <select id="end-match" data-testid="end-match-select" on:change=on_change>
                    <option value="" selected=true>{t.end_match_none}</option>
                    {options}
                </select>
                " " {suggestions}
            </p>
        })
    }
}
