"""Training the event classifier: data readers, fitting, and the cached default model.

Example::

    from eventcoder.train import train_event_model
    train_event_model("acled_export.csv", "acled-csv", "models/my-events")
"""

from eventcoder.train.artefact import default_model_dir, load_model, train_event_model

__all__ = ["default_model_dir", "load_model", "train_event_model"]
