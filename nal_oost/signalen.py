"""Project-wide signals, so apps can react to each other's writes without importing each other.

`gegevens_gewijzigd` is sent after an import wrote data (not on a dry run, not when nothing
changed); bulk writes fire no `post_save`, so this is how derived data (scores, factsheets)
learns it is stale. Arguments: `sender` = the model class written, `bron` = a short label.
"""

from django.dispatch import Signal

gegevens_gewijzigd = Signal()
