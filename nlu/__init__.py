"""Text understanding for ocopbot: intents and entities from Vietnamese and English messages.

Imports nothing from the rest of the project; the catalog's names arrive as a
:class:`CatalogLexicon`.
"""

from nlu.interpreter import Interpreter
from nlu.lexicon import CatalogLexicon
from nlu.rasa_http import RasaHttpInterpreter

__all__ = ["CatalogLexicon", "Interpreter", "RasaHttpInterpreter"]
