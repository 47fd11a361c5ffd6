"""Language data: names, the scripts each language is written in, function words.

Tables only (plus the two result types); the logic lives in :mod:`.scripts`,
:mod:`.detect` and :mod:`.spans`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...locales import base_language
from ...model import Detection

__all__ = ["Detection", "Span"]  # Detection is a model type, re-exported here


@dataclass(frozen=True)
class Span:
    """A part of a text in another language: ``text[start:end]``, shortened excerpt."""

    start: int
    end: int
    lang: str
    confidence: float
    excerpt: str


# --------------------------------------------------------------------------- locales


NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "nl": "Dutch",
    "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "so": "Somali",
    "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese",
}


def is_language(code: str) -> bool:
    """True when ``code`` (a locale or base code) names a language this module knows."""
    base = base_language(code)
    return base in NAMES or base in LANG_SCRIPTS


def language_name(code: str) -> str:
    """English name of a base language code (the code itself when unknown)."""
    return NAMES.get(base_language(code), code)


# --------------------------------------------------------------------------- scripts

SCRIPT_PREFIXES = (
    ("LATIN", "Latin"), ("FULLWIDTH LATIN", "Latin"), ("CYRILLIC", "Cyrillic"),
    ("GREEK", "Greek"), ("CJK UNIFIED IDEOGRAPH", "Han"),
    ("CJK COMPATIBILITY IDEOGRAPH", "Han"), ("HIRAGANA", "Hiragana"),
    ("KATAKANA-HIRAGANA", "Katakana"), ("KATAKANA", "Katakana"),
    ("HALFWIDTH KATAKANA", "Katakana"), ("HANGUL", "Hangul"),
    ("HALFWIDTH HANGUL", "Hangul"), ("ARABIC", "Arabic"), ("HEBREW", "Hebrew"),
    ("THAI", "Thai"), ("DEVANAGARI", "Devanagari"), ("BENGALI", "Bengali"),
    ("GURMUKHI", "Gurmukhi"), ("GUJARATI", "Gujarati"), ("TAMIL", "Tamil"),
    ("TELUGU", "Telugu"), ("KANNADA", "Kannada"), ("MALAYALAM", "Malayalam"),
    ("ARMENIAN", "Armenian"), ("GEORGIAN", "Georgian"), ("ETHIOPIC", "Ethiopic"),
    ("KHMER", "Khmer"), ("LAO", "Lao"), ("MYANMAR", "Myanmar"), ("SINHALA", "Sinhala"),
    ("TIBETAN", "Tibetan"), ("MONGOLIAN", "Mongolian"), ("BOPOMOFO", "Bopomofo"),
)

LANG_SCRIPTS = {
    "ja": frozenset({"Han", "Hiragana", "Katakana"}),
    "zh": frozenset({"Han"}),
    "ko": frozenset({"Hangul", "Han"}),
    "ru": frozenset({"Cyrillic"}), "uk": frozenset({"Cyrillic"}),
    "bg": frozenset({"Cyrillic"}), "mk": frozenset({"Cyrillic"}),
    "sr": frozenset({"Cyrillic", "Latin"}), "be": frozenset({"Cyrillic"}),
    "kk": frozenset({"Cyrillic"}), "mn": frozenset({"Cyrillic"}),
    "el": frozenset({"Greek"}), "ar": frozenset({"Arabic"}), "fa": frozenset({"Arabic"}),
    "ur": frozenset({"Arabic"}), "he": frozenset({"Hebrew"}), "yi": frozenset({"Hebrew"}),
    "th": frozenset({"Thai"}), "hi": frozenset({"Devanagari"}),
    "mr": frozenset({"Devanagari"}), "ne": frozenset({"Devanagari"}),
    "bn": frozenset({"Bengali"}), "pa": frozenset({"Gurmukhi"}),
    "gu": frozenset({"Gujarati"}), "ta": frozenset({"Tamil"}), "te": frozenset({"Telugu"}),
    "kn": frozenset({"Kannada"}), "ml": frozenset({"Malayalam"}),
    "hy": frozenset({"Armenian"}), "ka": frozenset({"Georgian"}),
}

# Script -> language when the script alone decides.
SCRIPT_LANG = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Bengali": "bn",
    "Gurmukhi": "pa", "Gujarati": "gu", "Tamil": "ta", "Telugu": "te", "Kannada": "kn",
    "Malayalam": "ml", "Armenian": "hy", "Georgian": "ka",
}

# Scripts shared by several languages: langdetect chooses, restricted to these.
SCRIPT_CANDIDATES = {
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
}

# Frequent Chinese function words that Japanese rarely writes alone, and Chinese
# punctuation Japanese uses little (full-width comma, curly quotes).
ZH_WEAK = frozenset("的了是在我他她它们您吗呢吧都就也把被和与从并且而但")
ZH_PUNCT = frozenset("，“”；：")

# Frequent function words, chosen to be distinctive between neighbouring languages.
# A second, independent vote next to langdetect's for same-script sentences.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is are was were be been this that these those with "
                    "for you your from which what when where will would can could should "
                    "it its not have has had an by on at we our they their there if "
                    "into than then also only but or".split()),
    "de": frozenset("der die das und ist sind nicht ein eine einen einem einer mit für "
                    "von zu den dem des sie ihr ihre ihren wir unsere auf auch wenn dass "
                    "oder aber wird werden kann können sich im zum zur bei nach aus "
                    "diese dieser dieses es ich".split()),
    "fr": frozenset("le la les des du un une et est sont pas vous votre vos nous notre "
                    "nos qui que dans pour sur avec par ce cette ces il elle ils au aux "
                    "être avez peut pouvez mais ou aussi très plus leur".split()),
    "es": frozenset("el la los las del un una y es son no usted su sus nosotros nuestro "
                    "nuestra que en para con por este esta estos estas se lo al como "
                    "pero también muy más puede hay ser está están".split()),
    "pt": frozenset("o a os as do da dos das um uma e é são não você seu sua seus suas "
                    "nós nosso nossa que em no na nos para com por este esta estes "
                    "estas isso neste nesta se ao como mas também muito mais pode há "
                    "ser está estão".split()),
    "it": frozenset("il lo la gli le del della dei delle un una e è sono non tu tuo tua "
                    "noi nostro nostra che in nel nella per con questo questa questi si "
                    "al come ma anche molto più può essere".split()),
    "nl": frozenset("de het een en is zijn niet je jouw u uw wij we ons onze dat die "
                    "van in op voor met door dit deze er als maar ook zeer meer kan "
                    "worden wordt".split()),
    "ru": frozenset("и в не на что это как с для по из от который которая которые "
                    "которое вы ваш ваша ваши мы наш наша можно также есть его если "
                    "чтобы или к при так уже".split()),
    "uk": frozenset("і та в у не на що це як з із для по від який яка які яке ви ваш "
                    "ваша ваші ми наш наша можна також є його якщо щоб або до при "
                    "вже".split()),
    "tr": frozenset("ve ile bir bu için veya gibi daha çok ama şu ki değil olan ise kadar sonra "
                    "önce göre şekilde olarak ayrıca eğer nasıl bunu bunun şunu siz sizin biz "
                    "bizim".split()),
}

# Pronouns that stand for a thing named before (a translation may name it instead).
PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("it its it's they them their this these".split()),
    "de": frozenset("es er sie ihn ihm ihr ihre dies diese dieser dieses".split()),
    "fr": frozenset("il elle ils elles le la les lui leur celui celle ceci cela".split()),
    "es": frozenset("él ella ellos ellas lo la los las le les su sus este esta esto".split()),
    "pt": frozenset("ele ela eles elas o a os as lhe seu sua este esta isto isso".split()),
    "ru": frozenset("он она оно они его её ее их ему ей им это этот эта эти".split()),
    "zh": frozenset("它 它们 其 该 此 这".split()),
}
