/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocrlanguage
 * @title: Languages
 * @short_description: Tesseract language codes, BCP-47 tags and packages
 *
 * Tesseract names its models with ISO 639-2/T codes and suffixes
 * ("chi_sim", "deu_latf"); Video Indexer and most applications speak
 * BCP-47 ("zh-Hans", "de-DE"). Where a language is mostly written in one
 * country the tag carries that region, as Video Indexer does ("en-US").
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>
#include "gstvocrlanguage.h"

/* Every language model Tesseract ships: its BCP-47 tag, and the ISO 15924
 * script it reads. */
static const struct
{
  const gchar *code;
  const gchar *bcp47;
  const gchar *script;
} languages[] = {
  /* *INDENT-OFF* */
  {"afr", "af-ZA", "Latn"}, {"amh", "am-ET", "Ethi"},
  {"ara", "ar-SA", "Arab"}, {"asm", "as-IN", "Beng"},
  {"aze", "az-Latn", "Latn"}, {"aze_cyrl", "az-Cyrl", "Cyrl"},
  {"bel", "be-BY", "Cyrl"}, {"ben", "bn-IN", "Beng"},
  {"bod", "bo-CN", "Tibt"}, {"bos", "bs-BA", "Latn"},
  {"bre", "br-FR", "Latn"}, {"bul", "bg-BG", "Cyrl"},
  {"cat", "ca-ES", "Latn"}, {"ceb", "ceb-PH", "Latn"},
  {"ces", "cs-CZ", "Latn"}, {"chi_sim", "zh-Hans", "Hans"},
  {"chi_sim_vert", "zh-Hans", "Hans"}, {"chi_tra", "zh-Hant", "Hant"},
  {"chi_tra_vert", "zh-Hant", "Hant"}, {"chr", "chr-US", "Cher"},
  {"cos", "co-FR", "Latn"}, {"cym", "cy-GB", "Latn"},
  {"dan", "da-DK", "Latn"}, {"deu", "de-DE", "Latn"},
  {"deu_latf", "de-DE", "Latn"}, {"div", "dv-MV", "Thaa"},
  {"dzo", "dz-BT", "Tibt"}, {"ell", "el-GR", "Grek"},
  {"eng", "en-US", "Latn"}, {"enm", "enm", "Latn"}, {"epo", "eo", "Latn"},
  {"est", "et-EE", "Latn"}, {"eus", "eu-ES", "Latn"},
  {"fao", "fo-FO", "Latn"}, {"fas", "fa-IR", "Arab"},
  {"fil", "fil-PH", "Latn"}, {"fin", "fi-FI", "Latn"},
  {"fra", "fr-FR", "Latn"}, {"frk", "de-DE", "Latn"}, {"frm", "frm", "Latn"},
  {"fry", "fy-NL", "Latn"}, {"gla", "gd-GB", "Latn"},
  {"gle", "ga-IE", "Latn"}, {"glg", "gl-ES", "Latn"}, {"grc", "grc", "Grek"},
  {"guj", "gu-IN", "Gujr"}, {"hat", "ht-HT", "Latn"},
  {"heb", "he-IL", "Hebr"}, {"hin", "hi-IN", "Deva"},
  {"hrv", "hr-HR", "Latn"}, {"hun", "hu-HU", "Latn"},
  {"hye", "hy-AM", "Armn"}, {"iku", "iu-CA", "Cans"},
  {"ind", "id-ID", "Latn"}, {"isl", "is-IS", "Latn"},
  {"ita", "it-IT", "Latn"}, {"ita_old", "it-IT", "Latn"},
  {"jav", "jv-ID", "Latn"}, {"jpn", "ja-JP", "Jpan"},
  {"jpn_vert", "ja-JP", "Jpan"}, {"kan", "kn-IN", "Knda"},
  {"kat", "ka-GE", "Geor"}, {"kat_old", "ka-GE", "Geor"},
  {"kaz", "kk-KZ", "Cyrl"}, {"khm", "km-KH", "Khmr"},
  {"kir", "ky-KG", "Cyrl"}, {"kmr", "kmr-TR", "Latn"},
  {"kor", "ko-KR", "Kore"}, {"kor_vert", "ko-KR", "Kore"},
  {"lao", "lo-LA", "Laoo"}, {"lat", "la", "Latn"}, {"lav", "lv-LV", "Latn"},
  {"lit", "lt-LT", "Latn"}, {"ltz", "lb-LU", "Latn"},
  {"mal", "ml-IN", "Mlym"}, {"mar", "mr-IN", "Deva"},
  {"mkd", "mk-MK", "Cyrl"}, {"mlt", "mt-MT", "Latn"},
  {"mon", "mn-MN", "Cyrl"}, {"mri", "mi-NZ", "Latn"},
  {"msa", "ms-MY", "Latn"}, {"mya", "my-MM", "Mymr"},
  {"nep", "ne-NP", "Deva"}, {"nld", "nl-NL", "Latn"},
  {"nor", "nb-NO", "Latn"}, {"oci", "oc-FR", "Latn"},
  {"ori", "or-IN", "Orya"}, {"pan", "pa-IN", "Guru"},
  {"pol", "pl-PL", "Latn"}, {"por", "pt-BR", "Latn"},
  {"pus", "ps-AF", "Arab"}, {"que", "qu-PE", "Latn"},
  {"ron", "ro-RO", "Latn"}, {"rus", "ru-RU", "Cyrl"},
  {"san", "sa-IN", "Deva"}, {"sin", "si-LK", "Sinh"},
  {"slk", "sk-SK", "Latn"}, {"slv", "sl-SI", "Latn"},
  {"snd", "sd-PK", "Arab"}, {"spa", "es-ES", "Latn"},
  {"spa_old", "es-ES", "Latn"}, {"sqi", "sq-AL", "Latn"},
  {"srp", "sr-Cyrl", "Cyrl"}, {"srp_latn", "sr-Latn", "Latn"},
  {"sun", "su-ID", "Latn"}, {"swa", "sw-KE", "Latn"},
  {"swe", "sv-SE", "Latn"}, {"syr", "syr-SY", "Syrc"},
  {"tam", "ta-IN", "Taml"}, {"tat", "tt-RU", "Cyrl"},
  {"tel", "te-IN", "Telu"}, {"tgk", "tg-TJ", "Cyrl"},
  {"tgl", "fil-PH", "Latn"}, {"tha", "th-TH", "Thai"},
  {"tir", "ti-ET", "Ethi"}, {"ton", "to-TO", "Latn"},
  {"tur", "tr-TR", "Latn"}, {"uig", "ug-CN", "Arab"},
  {"ukr", "uk-UA", "Cyrl"}, {"urd", "ur-PK", "Arab"},
  {"uzb", "uz-Latn", "Latn"}, {"uzb_cyrl", "uz-Cyrl", "Cyrl"},
  {"vie", "vi-VN", "Latn"}, {"yid", "yi", "Hebr"}, {"yor", "yo-NG", "Latn"},
  /* *INDENT-ON* */
};

static gint
find_language (const gchar * tesseract_code)
{
  guint i;

  for (i = 0; tesseract_code && i < G_N_ELEMENTS (languages); i++) {
    if (strcmp (languages[i].code, tesseract_code) == 0)
      return i;
  }
  return -1;
}

/* Tesseract's script models (script/Latin.traineddata) read a script, not a
 * language: they map to an undetermined language in that ISO 15924 script.
 * Debian names their packages after the script code, with a few exceptions.
 */
static const struct
{
  const gchar *name;
  const gchar *bcp47;
  const gchar *package_suffix;
} scripts[] = {
  /* *INDENT-OFF* */
  {"Arabic", "und-Arab", "arab"},
  {"Armenian", "und-Armn", "armn"},
  {"Bengali", "und-Beng", "beng"},
  {"Canadian_Aboriginal", "und-Cans", "cans"},
  {"Cherokee", "und-Cher", "cher"},
  {"Cyrillic", "und-Cyrl", "cyrl"},
  {"Devanagari", "und-Deva", "deva"},
  {"Ethiopic", "und-Ethi", "ethi"},
  {"Fraktur", "und-Latf", "frak"},
  {"Georgian", "und-Geor", "geor"},
  {"Greek", "und-Grek", "grek"},
  {"Gujarati", "und-Gujr", "gujr"},
  {"Gurmukhi", "und-Guru", "guru"},
  {"HanS", "und-Hans", "hans"},
  {"HanT", "und-Hant", "hant"},
  {"Hangul", "und-Kore", "hang"},
  {"Hebrew", "und-Hebr", "hebr"},
  {"Japanese", "und-Jpan", "jpan"},
  {"Kannada", "und-Knda", "knda"},
  {"Khmer", "und-Khmr", "khmr"},
  {"Lao", "und-Laoo", "laoo"},
  {"Latin", "und-Latn", "latn"},
  {"Malayalam", "und-Mlym", "mlym"},
  {"Myanmar", "und-Mymr", "mymr"},
  {"Oriya", "und-Orya", "orya"},
  {"Sinhala", "und-Sinh", "sinh"},
  {"Syriac", "und-Syrc", "syrc"},
  {"Tamil", "und-Taml", "taml"},
  {"Telugu", "und-Telu", "telu"},
  {"Thaana", "und-Thaa", "thaa"},
  {"Thai", "und-Thai", "thai"},
  {"Tibetan", "und-Tibt", "tibt"},
  {"Vietnamese", "vi-VN", "viet"},
  /* *INDENT-ON* */
};

static const gchar *
script_lookup (const gchar * tesseract_code, gboolean for_package)
{
  const gchar *name;
  gsize len;
  guint i;

  if (!g_str_has_prefix (tesseract_code, "script/"))
    return NULL;
  name = tesseract_code + strlen ("script/");
  /* vertical variants share the script: script/HanS_vert */
  len = g_str_has_suffix (name, "_vert") ? strlen (name) - 5 : strlen (name);
  for (i = 0; i < G_N_ELEMENTS (scripts); i++) {
    if (strlen (scripts[i].name) == len
        && strncmp (scripts[i].name, name, len) == 0)
      return for_package ? scripts[i].package_suffix : scripts[i].bcp47;
  }
  return NULL;
}

/**
 * gst_vocr_language_to_bcp47:
 * @tesseract_code: (nullable): a Tesseract language code such as "eng",
 *   "chi_sim" or "script/Latin"
 *
 * Maps a Tesseract language (as returned for each recognised word) to its
 * BCP-47 tag.
 *
 * Returns: (transfer none): the tag, or "und" for an unknown code
 */
const gchar *
gst_vocr_language_to_bcp47 (const gchar * tesseract_code)
{
  const gchar *script;
  gint i = find_language (tesseract_code);

  if (i >= 0)
    return languages[i].bcp47;
  if (tesseract_code == NULL)
    return "und";
  script = script_lookup (tesseract_code, FALSE);
  return script ? script : "und";
}

/**
 * gst_vocr_language_script:
 * @tesseract_code: (nullable): a Tesseract language code such as "eng",
 *   "rus" or "chi_sim"
 *
 * The script a language model reads, e.g. to tell which of several listed
 * languages share Latin letters.
 *
 * Returns: (transfer none) (nullable): its ISO 15924 code ("Latn", "Cyrl",
 *   "Hans"…), or %NULL for a code that names no language model Tesseract
 *   ships (script models such as "script/Latin", "osd", "equ", unknown
 *   codes)
 */
const gchar *
gst_vocr_language_script (const gchar * tesseract_code)
{
  gint i = find_language (tesseract_code);

  return i >= 0 ? languages[i].script : NULL;
}

/**
 * gst_vocr_language_debian_package:
 * @tesseract_code: a Tesseract language code such as "chi_sim" or
 *   "script/Latin"
 *
 * Names the Debian (and Ubuntu) package that ships the model, for error
 * messages that tell the user what to install.
 *
 * Returns: (transfer full): e.g. "tesseract-ocr-chi-sim" or
 *   "tesseract-ocr-script-latn"
 */
gchar *
gst_vocr_language_debian_package (const gchar * tesseract_code)
{
  const gchar *script;
  gchar *name, *p;

  g_return_val_if_fail (tesseract_code != NULL, NULL);

  script = script_lookup (tesseract_code, TRUE);
  if (script != NULL) {
    return g_strconcat ("tesseract-ocr-script-", script,
        g_str_has_suffix (tesseract_code, "_vert") ? "-vert" : "", NULL);
  }
  name = g_strconcat ("tesseract-ocr-", tesseract_code, NULL);
  for (p = name; *p; p++)
    *p = (*p == '_') ? '-' : g_ascii_tolower (*p);
  return name;
}
