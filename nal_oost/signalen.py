"""Project-wide signals, so apps can react to each other's writes without importing each other.

`gegevens_gewijzigd` is sent after an import wrote data (not on a dry run, not when nothing
changed); bulk writes fire no `post_save`, so this is how derived data (scores, factsheets)
learns it is stale. Arguments: `sender` = the model class written, `bron` = a short label.
"""

from django.dispatch import Signal

gegevens_gewijzigd = Signal()

# Sent in the transaction that created parks, one park (post_save) or many (imports, bulk):
# `sender` = Bedrijventerrein, `terrein_ids` = their ids. The stappenplan gives each its Traject here,
# so a park has one from the start and no page has to create it on a GET.
terreinen_aangemaakt = Signal()
