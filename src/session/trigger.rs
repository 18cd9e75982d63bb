//! A one-shot signal from the UI into a running future: Cancel, or async-fn's Await it.

use futures::channel::oneshot;
use leptos::prelude::*;

/// Holds the sending half of the newest armed signal. Arming again drops the previous sender, and
/// a dropped sender wakes its receiver too: a superseded run sees that exactly as a cancel.
#[derive(Clone, Copy)]
pub struct Trigger(StoredValue<Option<oneshot::Sender<()>>>);

/// Resolves when its trigger fires, is re-armed, or is disarmed.
pub type Fired = oneshot::Receiver<()>;

impl Trigger {
    pub fn new() -> Trigger {
        Trigger(StoredValue::new(None))
    }

    /// Arms the trigger for a new listener; any earlier listener is released at once.
    pub fn arm(&self) -> Fired {
        let (sender, receiver) = oneshot::channel();
        self.0.set_value(Some(sender));
        receiver
    }

    /// Fires the armed trigger, if any; it is then disarmed.
    pub fn fire(&self) {
        if let Some(sender) = self.0.try_update_value(Option::take).flatten() {
            let _ = sender.send(());
        }
    }

    /// Forgets the armed listener without firing: its receiver resolves as released.
    pub fn disarm(&self) {
        self.0.set_value(None);
    }
}

impl Default for Trigger {
    fn default() -> Trigger {
        Trigger::new()
    }
}
