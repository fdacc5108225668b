//! The baseline of the performance report (`./x perf`, docs/performance.md): the smallest Yew
//! app, one component rendering one heading, built by Trunk with the workspace's release
//! profile and `wasm-opt -Oz` exactly like the app. Its size and load time are what any Yew
//! app costs; the app's figures are read against it.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! {
        <main>
            <h1>{ "Hello, world" }</h1>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
