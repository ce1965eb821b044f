"""Function words that carry no meaning for a directory search, per language, in folded form.

Kept short on purpose: a word is listed only if it is never a useful search term in that language.
Words that are function words in one language but content words in another (English "die" as in die casting,
German "Bad", Czech "ale"/English "ale") are handled by applying only the text's own language list; for text of
unknown language the union is used minus CROSS_LANGUAGE_CONTENT.
"""

from __future__ import annotations

from .text import fold

__all__ = ["STOP_WORDS", "stop_words_for"]

_DE = """
aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus bei beim bereits
bin bis bist da dabei damit dann darin darum das dass dem den denen der deren des dessen die dies diese diesem
diesen dieser dieses doch dort du durch ein eine einem einen einer eines einige einigen er es etwa euch euer
eure fur gegen hat hatte hatten haben ihr ihre ihrem ihren ihrer ihres im in ins ist ja je jede jedem jeden
jeder jedes jetzt kann konnen man mehr mich mir mit nach nicht noch nun nur ob oder ohne per pro sehr sein
seine seinem seinen seiner sich sie sind so sodass solche soll sollen somit sondern sowie um und uns unser
unsere unserem unseren unserer unseres unter uber vom von vor wahrend war waren was weil welche welchem welchen
welcher welches wenn wer werden wie wieder wir wird wo wurde wurden zu zum zur zwischen
"""

_CS = """
a aby aj ale ani asi az bez bude budeme budou by byl byla byli bylo byly byt ci co coz do i jak jake jako je
jeho jej jeji jejich jemu jen jeste ji jim jiz jsem jsi jsme jsou jste k kam kde kdo kdy kdyz ke ktera ktere
kteri kterou ktery kterym kterych kterymi kteremu ma maji mame me mezi mi mit mne mu muze muzeme my na nad nam
nami nas nase nasi nasich nasim nasimi nasemu ne nebo nebot nez ni nich nim o od on ona oni ono pak po pod podle
pouze pri pro proto protoze pred s se si sve svou svych svym svymi svuj ta tak take takze tam tato te tedy tem
ten tento teto tim tj to tohoto tom tomto tomu toto tu tuto ty tyto u uz v vam vas vase ve vice vsak vse vsech
vsechny vsem z za ze zda
"""

_EN = """
a about after all also am an and any are as at be been being both but by do does during each either for from
had has have having he her here hers him his how i if in into is it its itself me more most my no nor not of
on once only or other our ours ourselves out over own per same she should so some such than that the their
theirs them then there these they this those through to too under until up upon very via was we were what when
where which while who whom why with within without would you your yours
"""

STOP_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(fold(w) for w in _DE.split()),
    "cs": frozenset(fold(w) for w in _CS.split()),
    "en": frozenset(fold(w) for w in _EN.split()),
}

# Function words in one language that are content words in another.
CROSS_LANGUAGE_CONTENT = frozenset({"die", "ale", "pro", "ten"})

_ANY = frozenset().union(*STOP_WORDS.values()) - CROSS_LANGUAGE_CONTENT


def stop_words_for(language: str | None) -> frozenset[str]:
    """The stop list of ``language`` ("de", "cs", "en"); for None or anything else, the cautious union."""
    return STOP_WORDS.get(language or "", _ANY)
