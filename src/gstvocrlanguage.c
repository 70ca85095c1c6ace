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

static const struct
{
  const gchar *code;
  const gchar *bcp47;
} languages[] = {
  /* *INDENT-OFF* */
  {"afr", "af-ZA"}, {"amh", "am-ET"}, {"ara", "ar-SA"}, {"asm", "as-IN"},
  {"aze", "az-Latn"}, {"aze_cyrl", "az-Cyrl"}, {"bel", "be-BY"},
  {"ben", "bn-IN"}, {"bod", "bo-CN"}, {"bos", "bs-BA"}, {"bre", "br-FR"},
  {"bul", "bg-BG"}, {"cat", "ca-ES"}, {"ceb", "ceb-PH"}, {"ces", "cs-CZ"},
  {"chi_sim", "zh-Hans"}, {"chi_sim_vert", "zh-Hans"},
  {"chi_tra", "zh-Hant"}, {"chi_tra_vert", "zh-Hant"}, {"chr", "chr-US"},
  {"cos", "co-FR"}, {"cym", "cy-GB"}, {"dan", "da-DK"}, {"deu", "de-DE"},
  {"deu_latf", "de-DE"}, {"div", "dv-MV"}, {"dzo", "dz-BT"},
  {"ell", "el-GR"}, {"eng", "en-US"}, {"enm", "enm"}, {"epo", "eo"},
  {"est", "et-EE"}, {"eus", "eu-ES"}, {"fao", "fo-FO"}, {"fas", "fa-IR"},
  {"fil", "fil-PH"}, {"fin", "fi-FI"}, {"fra", "fr-FR"}, {"frk", "de-DE"},
  {"frm", "frm"}, {"fry", "fy-NL"}, {"gla", "gd-GB"}, {"gle", "ga-IE"},
  {"glg", "gl-ES"}, {"grc", "grc"}, {"guj", "gu-IN"}, {"hat", "ht-HT"},
  {"heb", "he-IL"}, {"hin", "hi-IN"}, {"hrv", "hr-HR"}, {"hun", "hu-HU"},
  {"hye", "hy-AM"}, {"iku", "iu-CA"}, {"ind", "id-ID"}, {"isl", "is-IS"},
  {"ita", "it-IT"}, {"ita_old", "it-IT"}, {"jav", "jv-ID"},
  {"jpn", "ja-JP"}, {"jpn_vert", "ja-JP"}, {"kan", "kn-IN"},
  {"kat", "ka-GE"}, {"kat_old", "ka-GE"}, {"kaz", "kk-KZ"},
  {"khm", "km-KH"}, {"kir", "ky-KG"}, {"kmr", "kmr-TR"}, {"kor", "ko-KR"},
  {"kor_vert", "ko-KR"}, {"lao", "lo-LA"}, {"lat", "la"}, {"lav", "lv-LV"},
  {"lit", "lt-LT"}, {"ltz", "lb-LU"}, {"mal", "ml-IN"}, {"mar", "mr-IN"},
  {"mkd", "mk-MK"}, {"mlt", "mt-MT"}, {"mon", "mn-MN"}, {"mri", "mi-NZ"},
  {"msa", "ms-MY"}, {"mya", "my-MM"}, {"nep", "ne-NP"}, {"nld", "nl-NL"},
  {"nor", "nb-NO"}, {"oci", "oc-FR"}, {"ori", "or-IN"}, {"pan", "pa-IN"},
  {"pol", "pl-PL"}, {"por", "pt-BR"}, {"pus", "ps-AF"}, {"que", "qu-PE"},
  {"ron", "ro-RO"}, {"rus", "ru-RU"}, {"san", "sa-IN"}, {"sin", "si-LK"},
  {"slk", "sk-SK"}, {"slv", "sl-SI"}, {"snd", "sd-PK"}, {"spa", "es-ES"},
  {"spa_old", "es-ES"}, {"sqi", "sq-AL"}, {"srp", "sr-Cyrl"},
  {"srp_latn", "sr-Latn"}, {"sun", "su-ID"}, {"swa", "sw-KE"},
  {"swe", "sv-SE"}, {"syr", "syr-SY"}, {"tam", "ta-IN"}, {"tat", "tt-RU"},
  {"tel", "te-IN"}, {"tgk", "tg-TJ"}, {"tgl", "fil-PH"}, {"tha", "th-TH"},
  {"tir", "ti-ET"}, {"ton", "to-TO"}, {"tur", "tr-TR"}, {"uig", "ug-CN"},
  {"ukr", "uk-UA"}, {"urd", "ur-PK"}, {"uzb", "uz-Latn"},
  {"uzb_cyrl", "uz-Cyrl"}, {"vie", "vi-VN"}, {"yid", "yi"},
  {"yor", "yo-NG"},
  /* *INDENT-ON* */
};

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
  guint i;

  if (tesseract_code == NULL)
    return "und";
  for (i = 0; i < G_N_ELEMENTS (languages); i++) {
    if (strcmp (languages[i].code, tesseract_code) == 0)
      return languages[i].bcp47;
  }
  script = script_lookup (tesseract_code, FALSE);
  return script ? script : "und";
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
