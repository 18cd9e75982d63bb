//! The binary Trunk builds: it only starts the app.

/// Talc instead of the standard dlmalloc: smaller in the wasm and faster (BENCHMARKS.md Size).
/// The app is single-threaded, which is what this allocator's cell assumes.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    async_lab::start();
}
