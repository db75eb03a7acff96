"""Cards for people on a phone: products, places, events and figures, a few short lines each.

Only `name_*`, `description_*` (the facts file's `note_vi`/`note_en`), structured fields and
catalog sentences reach a card; the English research notes never do.
"""
