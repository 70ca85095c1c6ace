/* gst-vocr: video OCR for GStreamer
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SECTION:gstvocrengine
 * @title: GstVocrEngine
 * @short_description: Tesseract, reading video frames
 *
 * A thin wrapper over one Tesseract instance that reads a #GstVideoFrame in
 * place: the luma plane of GRAY8 and planar or semi-planar YUV frames goes
 * to Tesseract with its stride; packed RGB frames are converted to gray in a
 * buffer the engine keeps, so steady-state recognition allocates nothing of
 * the frame's size.
 *
 * Tesseract instances must not be shared between threads; create one engine
 * per worker thread.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>
#include <math.h>
#include <glib/gstdio.h>
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "gstvocrengine.h"
#include "gstvocraggregator.h"
#include "gstvocrframe.h"
#include "gstvocrlanguage.h"
#include "gstvocrprepare.h"

/* Video frames carry no resolution; Tesseract assumes 70 ppi for such
 * images, and says so on stderr for every frame unless told. */
#define VIDEO_PPI 70
/* regions at least this many times as high as wide are read turned too */
#define VERTICAL_ASPECT 2
#define TURNED_PREFERENCE 0.9
/* a reading of a region's ink less sure than this gets a second opinion */
#define SECOND_OPINION_BELOW 0.85

struct _GstVocrEngine
{
  TessBaseAPI *api;
  ETEXT_DESC *monitor;
  guint time_limit_ms;          /* 0: none */

  GstVocrLumaBuffer gray;

  /* When two or more of the languages are written in the Latin script,
   * Tesseract reads every Latin line with the first of them (its model
   * reads the others' words well enough): the lines whose words that
   * language's dictionary does not know are read again with each of the
   * others, alone (@latin_apis, made when first needed), and take the
   * language whose dictionary knows most of them. The first
   * @listed_latin are the languages'; then come the installed
   * other_latin_models, which read a line only when their dictionaries
   * know its words better (a German sign with languages=eng), with
   * other-scripts, and are loaded as other scripts' models are.
   * @latin_is_main: the first is the languages' first, whose dictionary
   * the main engine holds. */
  gchar *tessdata_dir;
  gchar **latin;
  TessBaseAPI **latin_apis;
  guint listed_latin;
  gboolean latin_is_main;
  /* whether a language is written in another script than Latin (the
   * layout analysis may find no text in a few of its glyphs) */
  gboolean non_latin;

  /* A line the languages read unsurely may be written in a script none of
   * them writes: a Russian or Chinese sign with languages=eng. Such a line
   * is read again, alone, with one installed model of each other script
   * (@others, @other_apis: all loaded when first needed), and takes a
   * surer reading in that script. */
  gboolean read_other_scripts;
  gboolean load_on_demand;      /* else: note others_wanted */
  gboolean others_wanted;
  gboolean scripts_loaded;      /* other scripts' models */
  gboolean latin_loaded;        /* the Latin ones not listed */
  gchar **others;
  TessBaseAPI **other_apis;
  /* The texts of recent lines, read surely enough to be kept, that no
   * other script read better, oldest first: text stays on screen for many
   * samples, read a little differently each time, and reading it with
   * every other model each time would cost most. */
  GQueue own_script_texts;
};

/* What a line's language is judged by. */
typedef struct
{
  gint l, t, r, b;              /* the line, in the image read */
  const gchar *code;            /* the language most of it was read in */
  guint words, known;           /* words of letters; those in the dictionary */
} LineEvidence;

G_DEFINE_QUARK (gst-vocr-engine-error-quark, gst_vocr_engine_error);

GType
gst_vocr_page_segmentation_get_type (void)
{
  static GType type = 0;
  static const GEnumValue values[] = {
    {GST_VOCR_PAGE_SEGMENTATION_AUTO_OSD,
        "Full layout analysis with orientation and script detection",
        "auto-osd"},
    {GST_VOCR_PAGE_SEGMENTATION_AUTO, "Full layout analysis", "auto"},
    {GST_VOCR_PAGE_SEGMENTATION_SINGLE_COLUMN,
        "A single column of text", "single-column"},
    {GST_VOCR_PAGE_SEGMENTATION_SINGLE_BLOCK,
        "A single uniform block of text", "single-block"},
    {GST_VOCR_PAGE_SEGMENTATION_SINGLE_LINE,
        "A single text line", "single-line"},
    {GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT,
        "Sparse text in no particular order", "sparse-text"},
    {GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT_OSD,
        "Sparse text with orientation and script detection",
        "sparse-text-osd"},
    {0, NULL, NULL},
  };

  if (g_once_init_enter (&type)) {
    GType t = g_enum_register_static ("GstVocrPageSegmentation", values);
    g_once_init_leave (&type, t);
  }
  return type;
}

/**
 * gst_vocr_engine_default_tessdata_dir:
 *
 * The directory Tesseract reads models from when the application names
 * none: `TESSDATA_PREFIX` if set, else the directory the distribution's
 * language packages install to.
 *
 * Returns: (transfer full): the directory
 */
gchar *
gst_vocr_engine_default_tessdata_dir (void)
{
  const gchar *env = g_getenv ("TESSDATA_PREFIX");

  return g_strdup (env && *env ? env : VOCR_DEFAULT_TESSDATA_DIR);
}

static gboolean
language_code_is_valid (const gchar * code)
{
  const gchar *p = code;

  /* script models live in a subdirectory: script/Latin */
  if (g_str_has_prefix (p, "script/"))
    p += strlen ("script/");
  if (*p == '\0')
    return FALSE;
  for (; *p; p++) {
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  }
  return TRUE;
}

static gchar **
split_languages (const gchar * languages, GError ** error)
{
  gchar **codes;
  guint i;

  if (languages == NULL || *languages == '\0')
    goto invalid;
  codes = g_strsplit (languages, "+", -1);
  for (i = 0; codes[i]; i++) {
    if (!language_code_is_valid (codes[i])) {
      g_strfreev (codes);
      goto invalid;
    }
  }
  return codes;

invalid:
  {
    /* the message quotes what the user gave: keep it valid UTF-8 */
    gchar *quoted = g_utf8_make_valid (languages ? languages : "", -1);

    g_set_error (error, GST_VOCR_ENGINE_ERROR,
        GST_VOCR_ENGINE_ERROR_INVALID_LANGUAGES,
        "Invalid languages '%s': expected Tesseract language codes joined by "
        "'+', such as 'eng' or 'eng+deu+chi_sim'", quoted);
    g_free (quoted);
  }
  return NULL;
}

/* Whether the model for @code is installed in @dir, readable. */
static gboolean
model_installed (const gchar * dir, const gchar * code)
{
  gchar *file = g_strconcat (code, ".traineddata", NULL);
  gchar *path = g_build_filename (dir, file, NULL);
  gboolean found = g_file_test (path, G_FILE_TEST_IS_REGULAR)
      && g_access (path, R_OK) == 0;

  g_free (path);
  g_free (file);
  return found;
}

static void
list_models (const gchar * dir, const gchar * prefix, GPtrArray * names)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const gchar *entry;

  if (d == NULL)
    return;
  while ((entry = g_dir_read_name (d))) {
    if (g_str_has_suffix (entry, ".traineddata")
        && strcmp (entry, "osd.traineddata") != 0) {
      gchar *shown = g_filename_display_name (entry);

      g_ptr_array_add (names, g_strdup_printf ("%s%.*s", prefix,
              (int) (strlen (shown) - strlen (".traineddata")), shown));
      g_free (shown);
    }
  }
  g_dir_close (d);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const gchar **) a, *(const gchar **) b);
}

static gchar *
available_languages (const gchar * dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  gchar *script_dir = g_build_filename (dir, "script", NULL);
  gchar *joined;

  list_models (dir, "", names);
  list_models (script_dir, "script/", names);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  joined = names->len > 1 ? g_strjoinv (", ", (gchar **) names->pdata)
      : g_strdup ("none");
  g_ptr_array_unref (names);
  g_free (script_dir);
  return joined;
}

/**
 * gst_vocr_parse_roi:
 * @str: (nullable): a region as "x,y,width,height" in pixels, e.g.
 *   "0,600,1280,120"; %NULL or blank for the whole frame
 * @roi: (out caller-allocates): the region, when there is one
 * @has_roi: (out): whether @str named a region
 *
 * Parses a region of interest as `vocrtextdetect`'s roi property and the
 * vocr command take it: four non-negative integers, width and height not
 * zero, spaces allowed around them.
 *
 * Returns: %FALSE if @str is malformed
 */
gboolean
gst_vocr_parse_roi (const gchar * str, GstVideoRectangle * roi,
    gboolean * has_roi)
{
  gint64 v[4];
  gchar **parts;
  gboolean ok;
  guint i;

  g_return_val_if_fail (roi != NULL && has_roi != NULL, FALSE);

  *has_roi = FALSE;
  if (str == NULL || str[strspn (str, " \t")] == '\0')
    return TRUE;

  parts = g_strsplit (str, ",", -1);
  ok = g_strv_length (parts) == 4;
  for (i = 0; ok && i < 4; i++) {
    gchar *s = g_strstrip (parts[i]), *end = NULL;

    v[i] = g_ascii_strtoll (s, &end, 10);
    ok = *s != '\0' && end && *end == '\0' && v[i] >= 0 && v[i] <= G_MAXINT;
  }
  g_strfreev (parts);
  if (!ok || v[2] == 0 || v[3] == 0)
    return FALSE;

  roi->x = v[0];
  roi->y = v[1];
  roi->w = v[2];
  roi->h = v[3];
  *has_roi = TRUE;
  return TRUE;
}

/**
 * gst_vocr_engine_check_languages:
 * @tessdata_dir: (nullable): the directory holding the models, or %NULL for
 *   gst_vocr_engine_default_tessdata_dir()
 * @languages: Tesseract language codes joined by '+', e.g. "eng+deu"
 * @error: return location for a #GST_VOCR_ENGINE_ERROR
 *
 * Checks, without loading anything, that @languages is well formed and that
 * every model it names is installed. The error message names the missing
 * file, the directory searched, the languages that are there and the Debian
 * package to install.
 *
 * Returns: %TRUE if an engine can be created for @languages
 */
gboolean
gst_vocr_engine_check_languages (const gchar * tessdata_dir,
    const gchar * languages, GError ** error)
{
  gchar *dir, *shown, **codes;
  gboolean ok = TRUE;
  guint i;

  codes = split_languages (languages, error);
  if (codes == NULL)
    return FALSE;

  dir = tessdata_dir ? g_strdup (tessdata_dir) :
      gst_vocr_engine_default_tessdata_dir ();
  /* a path in a message, in any encoding, displayed as UTF-8 */
  shown = g_filename_display_name (dir);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || g_access (dir, R_OK | X_OK)) {
    g_set_error (error, GST_VOCR_ENGINE_ERROR,
        GST_VOCR_ENGINE_ERROR_TESSDATA_DIR,
        "The Tesseract data directory '%s' does not exist or cannot be read; "
        "set tessdata-dir to the directory holding the .traineddata files "
        "(Debian: apt install tesseract-ocr-eng)", shown);
    ok = FALSE;
  }

  for (i = 0; ok && codes[i]; i++) {
    if (!model_installed (dir, codes[i])) {
      gchar *available = available_languages (dir);
      gchar *package = gst_vocr_language_debian_package (codes[i]);

      g_set_error (error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_LANGUAGE_MISSING,
          "No Tesseract data for language '%s': %s.traineddata not found "
          "in %s (installed: %s). Install it (Debian: apt install %s) or "
          "point tessdata-dir to a directory that has it.", codes[i],
          codes[i], shown, available, package);
      g_free (available);
      g_free (package);
      ok = FALSE;
    }
  }

  g_free (shown);
  g_free (dir);
  g_strfreev (codes);
  return ok;
}

/* Latin-script languages read, when installed and not among the
 * languages, where the languages' dictionaries know few of a line's words
 * and theirs know more (with other-scripts): widely read modern languages
 * only, not historic ones (frk, enm, lat), which know the old forms of
 * every word. With the accented letters of each: the languages' models
 * read those they lack without their accents ("Offnungszeiten",
 * "preguicoso"). */
static const struct
{
  const gchar *code;
  const gchar *accented;
} other_latin_models[] = {
  {"spa", "áéíóúüñ"}, {"fra", "àâçéèêëîïôùûü"}, {"por", "áâãàçéêíóôõú"},
  {"deu", "äöü"}, {"ita", "àèéìòù"}, {"ind", ""}, {"tur", "çğöşü"},
  {"vie", "àáâãèéêìíòóôõùúýăơư"}, {"pol", "ąćęńóśźż"}, {"nld", "éëïö"},
};

/* Whether the model @code reads the Latin script. */
static gboolean
is_latin (const gchar * code)
{
  return g_strcmp0 (gst_vocr_language_script (code), "Latn") == 0;
}

/* At most this many of them, the first installed: each costs a model per
 * worker (about 100 ms to load, 15 MiB), loaded when a line first needs
 * it. */
#define OTHER_LATIN_MAX 5

/* The Latin-script languages of @languages ("eng+deu+rus"; their number
 * goes to @listed, whether the first of @languages is one of them to
 * @first_listed), then, if there is one, the other_latin_models installed
 * in @dir; %NULL if there are not two in all. */
static gchar **
latin_languages (const gchar * dir, const gchar * languages, guint * listed,
    gboolean * first_listed)
{
  gchar **codes = g_strsplit (languages, "+", -1);
  GPtrArray *latin = g_ptr_array_new_with_free_func (g_free);
  guint i;

  for (i = 0; codes[i]; i++) {
    if (is_latin (codes[i]))
      g_ptr_array_add (latin, g_strdup (codes[i]));
  }
  *listed = latin->len;
  *first_listed = latin->len > 0 && strcmp (latin->pdata[0], codes[0]) == 0;
  for (i = 0; latin->len > 0 && latin->len < *listed + OTHER_LATIN_MAX
      && i < G_N_ELEMENTS (other_latin_models); i++) {
    const gchar *code = other_latin_models[i].code;

    if (!g_strv_contains ((const gchar * const *) codes, code)
        && model_installed (dir, code))
      g_ptr_array_add (latin, g_strdup (code));
  }
  g_strfreev (codes);
  if (latin->len < 2) {
    g_ptr_array_free (latin, TRUE);
    return NULL;
  }
  g_ptr_array_add (latin, NULL);
  return (gchar **) g_ptr_array_free (latin, FALSE);
}

/* Whether one of @languages is written in a script other than Latin. */
static gboolean
has_non_latin_language (const gchar * languages)
{
  gchar **codes = g_strsplit (languages, "+", -1);
  gboolean found = FALSE;
  guint i;

  for (i = 0; codes[i] && !found; i++) {
    const gchar *script = gst_vocr_language_script (codes[i]);

    found = script && strcmp (script, "Latn") != 0;
  }
  g_strfreev (codes);
  return found;
}

/* The models read first for a script when several of its languages are
 * installed: the most widely read. */
static const gchar *const preferred_models[] = {
  "eng", "rus", "chi_sim", "chi_tra", "jpn", "kor", "ara", "hin", "ell",
  "heb", "tha", "ukr", "fas", NULL
};

/* Where @code stands among the preferred models (after them all if not
 * among them). */
static guint
preference (const gchar * code)
{
  guint i;

  for (i = 0; preferred_models[i]; i++) {
    if (strcmp (preferred_models[i], code) == 0)
      break;
  }
  return i;
}

static gint
compare_models (gconstpointer a, gconstpointer b)
{
  const gchar *x = *(const gchar **) a, *y = *(const gchar **) b;
  guint px = preference (x), py = preference (y);

  return px != py ? (px < py ? -1 : 1) : strcmp (x, y);
}

/* One language model installed in @dir for each script that none of
 * @languages writes, or %NULL if there is none. */
static gchar **
other_script_models (const gchar * dir, const gchar * languages)
{
  gchar **codes = g_strsplit (languages, "+", -1);
  GPtrArray *installed = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *scripts = g_ptr_array_new ();
  GPtrArray *others = g_ptr_array_new ();
  guint i;

  for (i = 0; codes[i]; i++) {
    const gchar *script = gst_vocr_language_script (codes[i]);

    if (script)
      g_ptr_array_add (scripts, (gpointer) script);
  }
  list_models (dir, "", installed);
  g_ptr_array_sort (installed, compare_models);
  for (i = 0; i < installed->len; i++) {
    const gchar *code = g_ptr_array_index (installed, i);
    const gchar *script = gst_vocr_language_script (code);

    /* vertical models read columns, which the element turns into lines */
    if (script && !g_str_has_suffix (code, "_vert")
        && !g_ptr_array_find_with_equal_func (scripts, script, g_str_equal,
            NULL)) {
      g_ptr_array_add (scripts, (gpointer) script);
      g_ptr_array_add (others, g_strdup (code));
    }
  }
  g_ptr_array_unref (scripts);
  g_ptr_array_unref (installed);
  g_strfreev (codes);
  if (others->len == 0) {
    g_ptr_array_free (others, TRUE);
    return NULL;
  }
  g_ptr_array_add (others, NULL);
  return (gchar **) g_ptr_array_free (others, FALSE);
}

static gpointer
init_tesseract_globals (gpointer data)
{
  TessBaseAPI *api = TessBaseAPICreate ();

  /* Tesseract reports through tprintf (e.g. "Empty page!!" for every frame
   * without text). Its destination is a process-wide parameter: set it once,
   * before any engine runs, since setting it races with running engines. */
  TessBaseAPISetVariable (api, "debug_file", "/dev/null");
  TessBaseAPIDelete (api);
  /* Leptonica prints its own complaints to stderr ("box outside
   * rectangle" when Tesseract clips a block at a frame's edge); Tesseract
   * handles them, and a video's worth of them is noise. */
  setMsgSeverity (L_SEVERITY_NONE);
  return NULL;
}

/**
 * gst_vocr_engine_new:
 * @tessdata_dir: (nullable): the directory holding the models, or %NULL for
 *   gst_vocr_engine_default_tessdata_dir()
 * @languages: Tesseract language codes joined by '+', e.g. "eng+deu"
 * @error: return location for a #GST_VOCR_ENGINE_ERROR
 *
 * Loads Tesseract's LSTM models for @languages. This takes tens to hundreds
 * of milliseconds per language.
 *
 * Returns: (transfer full) (nullable): a new engine, or %NULL with @error set
 */
GstVocrEngine *
gst_vocr_engine_new (const gchar * tessdata_dir, const gchar * languages,
    GError ** error)
{
  static GOnce globals_once = G_ONCE_INIT;
  GstVocrEngine *engine;
  gchar *dir;

  if (!gst_vocr_engine_check_languages (tessdata_dir, languages, error))
    return NULL;

  g_once (&globals_once, init_tesseract_globals, NULL);

  dir = tessdata_dir ? g_strdup (tessdata_dir) :
      gst_vocr_engine_default_tessdata_dir ();
  engine = g_new0 (GstVocrEngine, 1);
  engine->api = TessBaseAPICreate ();
  if (TessBaseAPIInit2 (engine->api, dir, languages, OEM_LSTM_ONLY) != 0) {
    g_set_error (error, GST_VOCR_ENGINE_ERROR, GST_VOCR_ENGINE_ERROR_INIT,
        "Tesseract could not load the models for '%s' from %s; the files may "
        "be corrupt or made for another Tesseract version", languages, dir);
    g_free (dir);
    gst_vocr_engine_free (engine);
    return NULL;
  }
  engine->tessdata_dir = dir;
  engine->latin = latin_languages (dir, languages, &engine->listed_latin,
      &engine->latin_is_main);
  engine->non_latin = has_non_latin_language (languages);
  if (engine->latin)
    engine->latin_apis = g_new0 (TessBaseAPI *, g_strv_length (engine->latin));
  engine->others = other_script_models (dir, languages);
  engine->load_on_demand = TRUE;
  if (engine->others)
    engine->other_apis = g_new0 (TessBaseAPI *, g_strv_length (engine->others));
  engine->monitor = TessMonitorCreate ();
  return engine;
}

/* Frees the engines made for @codes (%NULL where none was made). */
static void
free_apis (TessBaseAPI ** apis, gchar ** codes)
{
  guint i;

  for (i = 0; codes && codes[i]; i++) {
    if (apis[i]) {
      TessBaseAPIEnd (apis[i]);
      TessBaseAPIDelete (apis[i]);
    }
  }
  g_free (apis);
}

/**
 * gst_vocr_engine_free:
 * @engine: (transfer full) (nullable): a #GstVocrEngine
 */
void
gst_vocr_engine_free (GstVocrEngine * engine)
{
  if (engine == NULL)
    return;
  if (engine->monitor)
    TessMonitorDelete (engine->monitor);
  TessBaseAPIEnd (engine->api);
  TessBaseAPIDelete (engine->api);
  free_apis (engine->latin_apis, engine->latin);
  g_strfreev (engine->latin);
  free_apis (engine->other_apis, engine->others);
  g_strfreev (engine->others);
  g_queue_clear_full (&engine->own_script_texts, g_free);
  g_free (engine->tessdata_dir);
  g_free (engine->gray.data);
  g_free (engine);
}

/* Tesseract's LSTM opens OpenMP parallel regions of four threads: with an
 * engine per core that oversubscribes the machine several times over, which
 * is far slower than one thread per engine. The limit is part of the calling
 * thread's data environment, so the application's own OpenMP use elsewhere
 * keeps its settings. */
static void
limit_openmp_to_calling_thread (void)
{
#ifdef _OPENMP
  omp_set_max_active_levels (0);
#endif
}

static bool
cancel_requested (void *cancel_this, int words)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (cancel_this));
}

static gdouble
orientation_to_angle (TessOrientation orientation)
{
  /* Tesseract names the direction the text's "up" points to; Video Indexer
   * names the reading direction. Text whose up points left is read bottom
   * to top. */
  switch (orientation) {
    case ORIENTATION_PAGE_RIGHT:
      return 90.0;
    case ORIENTATION_PAGE_DOWN:
      return 180.0;
    case ORIENTATION_PAGE_LEFT:
      return -90.0;
    case ORIENTATION_PAGE_UP:
    default:
      return 0.0;
  }
}

typedef struct
{
  const gchar *code;
  guint chars;
} LanguageTally;

/* The line's language is the one most of its characters were read in. */
static const gchar *
tally_winner (const LanguageTally * tally, guint n)
{
  const gchar *best = NULL;
  guint i, best_chars = 0;

  for (i = 0; i < n; i++) {
    if (tally[i].chars > best_chars) {
      best = tally[i].code;
      best_chars = tally[i].chars;
    }
  }
  return best;
}

static void
tally_add (LanguageTally * tally, guint * n, guint max, const gchar * code,
    guint chars)
{
  guint i;

  if (code == NULL)
    return;
  for (i = 0; i < *n; i++) {
    if (strcmp (tally[i].code, code) == 0) {
      tally[i].chars += chars;
      return;
    }
  }
  if (*n < max) {
    tally[*n].code = code;
    tally[*n].chars = chars;
    (*n)++;
  }
}

#define MAX_LINE_LANGUAGES 8

/* Whether a character of @text is @kind (g_unichar_isalnum(),
 * g_unichar_isalpha()). */
static gboolean
has_char (const gchar * text, gboolean (*kind) (gunichar))
{
  for (; *text; text = g_utf8_next_char (text)) {
    if (kind (g_utf8_get_char (text)))
      return TRUE;
  }
  return FALSE;
}

/* Chinese and Japanese put no spaces between words; Tesseract does. */
static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA
      || script == G_UNICODE_SCRIPT_KATAKANA;
}

/* Removes, in place, the spaces between two CJK characters. */
static void
join_cjk (gchar * text)
{
  gchar *in = text, *out = text;
  gunichar before = 0;

  while (*in) {
    gunichar c = g_utf8_get_char (in);
    gchar *next = g_utf8_next_char (in);

    if (!(c == ' ' && is_cjk (before) && is_cjk (g_utf8_get_char (next)))) {
      memmove (out, in, next - in);
      out += next - in;
      before = c;
    }
    in = next;
  }
  *out = '\0';
}

/* Latin letters drawn like Cyrillic ones: with eng and rus loaded,
 * Tesseract reads the Russian "на" as the Latin "Ha" now and then. */
static const struct
{
  gunichar latin, cyrillic;
} lookalikes[] = {
  {'A', 0x0410}, {'B', 0x0412}, {'C', 0x0421}, {'E', 0x0415}, {'H', 0x041d},
  {'K', 0x041a}, {'M', 0x041c}, {'O', 0x041e}, {'P', 0x0420}, {'T', 0x0422},
  {'X', 0x0425}, {'Y', 0x0423}, {'a', 0x0430}, {'c', 0x0441}, {'e', 0x0435},
  {'o', 0x043e}, {'p', 0x0440}, {'x', 0x0445}, {'y', 0x0443},
};

static gunichar
cyrillic_lookalike (gunichar c)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (lookalikes); i++) {
    if (lookalikes[i].latin == c)
      return lookalikes[i].cyrillic;
  }
  return 0;
}

/* @text with each space-separated word made only of Latin lookalikes of
 * Cyrillic letters written in Cyrillic; takes @text. */
static gchar *
to_cyrillic (gchar * text)
{
  gchar **words = g_strsplit (text, " ", -1);
  gchar *result;
  guint i;

  for (i = 0; words[i]; i++) {
    GString *cyrillic = g_string_new (NULL);
    const gchar *p;

    for (p = words[i]; *p; p = g_utf8_next_char (p)) {
      gunichar c = cyrillic_lookalike (g_utf8_get_char (p));

      if (c == 0)
        break;
      g_string_append_unichar (cyrillic, c);
    }
    if (*p == '\0' && cyrillic->len > 0) {
      g_free (words[i]);
      words[i] = g_string_free (cyrillic, FALSE);
    } else {
      g_string_free (cyrillic, TRUE);
    }
  }
  result = g_strjoinv (" ", words);
  g_strfreev (words);
  g_free (text);
  return result;
}

/* Tesseract reads a plate's frame, a panel's border or a shadow next to
 * the text as a word of symbols ("_-®", "“™", "."), unsure of it; sure
 * ones are text: a subtitle's dialogue dash, "€ 5". */
#define EDGE_SYMBOLS_MAX_CONFIDENCE 0.8

/* Writes @line's text as @code's script is written: Latin lookalikes of
 * Cyrillic letters in Cyrillic, Chinese and Japanese without spaces. */
static void
write_in_script (GstVocrLine * line, const gchar * code)
{
  if (g_strcmp0 (gst_vocr_language_script (code), "Cyrl") == 0) {
    guint i;

    line->text = to_cyrillic (line->text);
    for (i = 0; i < line->words->len; i++) {
      GstVocrWord *word = g_ptr_array_index (line->words, i);

      word->text = to_cyrillic (word->text);
    }
  }
  join_cjk (line->text);
}

/* Where the letters and digits of the @len bytes of @text start and end
 * (byte offsets @first and @last), the signs around them aside ("Morgen,",
 * "(quick)", "«rapide»"). */
static void
letters_span (const gchar * text, gsize len, gsize * first, gsize * last)
{
  const gchar *start = text, *end = text + len;

  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char
          (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  *first = start - text;
  *last = end - text;
}

/* Small letters drawn like their capitals: in a word of capitals, the
 * model reads them in either case ("STOp", "sTOP"). At a word's end, "s"
 * and "z" are left alone: "USBs", "MHz". */
#define LEADING_LOOKALIKES "copsuvwxz"
#define TRAILING_LOOKALIKES "copuvwx"

/* Upper-cases, in place, the small letters around each word of capitals in
 * @text when they are such lookalikes and fewer than its capitals (signs
 * around the word aside): "STOp" and "sTOP" are "STOP"; "IoT", "VoIP",
 * "MHz", "USBs" and "Upright" stay as they are. */
static void
capitalise_lookalikes (gchar * text)
{
  gchar *word = text;

  while (*word) {
    gchar *end = word, *start, *capitals, *tail, *c;
    gsize first, last;

    while (*end && *end != ' ')
      end++;
    letters_span (word, end - word, &first, &last);
    start = word + first;
    c = word + last;
    capitals = start;
    while (capitals < c && g_ascii_islower (*capitals)
        && strchr (LEADING_LOOKALIKES, *capitals))
      capitals++;
    tail = capitals;
    while (tail < c && g_ascii_isupper (*tail))
      tail++;
    /* the small letters up to the word's end are all lookalikes */
    if (tail - capitals >= 2 && strspn (tail, TRAILING_LOOKALIKES) >=
        (gsize) (c - tail) && (capitals - start) + (c - tail) <
        tail - capitals) {
      for (; start < c; start++)
        *start = g_ascii_toupper (*start);
    }
    word = *end ? end + 1 : end;
  }
}

static void
finish_line (GPtrArray * lines, GstVocrLine * line, LanguageTally * tally,
    guint n_tally, GArray * evidence, LineEvidence * line_evidence)
{
  guint i;

  if (line == NULL)
    return;
  /* a line's confidence is its words' mean, as Tesseract's is, but of the
   * words' confidences as collect_lines() leaves them (a word joined of
   * pieces as sure as its letters) */
  if (line->words->len > 0) {
    gdouble sum = 0.0;

    for (i = 0; i < line->words->len; i++)
      sum += ((GstVocrWord *) g_ptr_array_index (line->words, i))->confidence;
    line->confidence = sum / line->words->len;
  }
  gst_vocr_line_trim_unsure_symbols (line, EDGE_SYMBOLS_MAX_CONFIDENCE);
  /* A "line" of symbols alone ("@", "|", "=") is Tesseract reading shapes:
   * a ball, a bar, a border. Real text has a letter or a digit. */
  if (line->words->len == 0 || !has_char (line->text, g_unichar_isalnum)) {
    gst_vocr_line_free (line);
    return;
  }
  line_evidence->code = tally_winner (tally, n_tally);
  capitalise_lookalikes (line->text);
  for (i = 0; i < line->words->len; i++)
    capitalise_lookalikes (((GstVocrWord *) g_ptr_array_index (line->words,
                i))->text);
  write_in_script (line, line_evidence->code);
  g_free (line->language);
  line->language = g_strdup (gst_vocr_language_to_bcp47 (line_evidence->code));
  g_ptr_array_add (lines, line);
  g_array_append_val (evidence, *line_evidence);
}

/* Only a word of this many letters or more that a dictionary knows tells
 * that a line is in its language. */
#define KNOWN_WORD_LETTERS 4

/* A word of two letters or more: what a dictionary can know. */
static gboolean
is_word (const gchar * text)
{
  guint letters = 0;

  for (; *text; text = g_utf8_next_char (text)) {
    if (!g_unichar_isalpha (g_utf8_get_char (text)))
      return FALSE;
    letters++;
  }
  return letters >= 2;
}

/* Where the image Tesseract read lies in the frame: the region at (dx, dy),
 * scaled by @scale to @width x @height, turned clockwise by @deskew degrees
 * about its centre onto a @canvas_width x @canvas_height canvas (the same
 * size when not turned), then turned by @turn degrees: 90 turned it
 * counterclockwise, so that text read top to bottom became horizontal, -90
 * clockwise. */
typedef struct
{
  gint dx, dy;
  gdouble scale;
  gint width, height;
  gdouble deskew;
  gint canvas_width, canvas_height;
  gint turn;
} Placement;

/* The placement of @gray, the region @place placed, as it was: unscaled,
 * level, not turned. */
static Placement
as_is_placement (const Placement * place, PIX * gray)
{
  Placement as_is = { place->dx, place->dy, 1.0, pixGetWidth (gray),
    pixGetHeight (gray), 0.0, pixGetWidth (gray), pixGetHeight (gray), 0
  };

  return as_is;
}

/* Maps the box (@l, @t)-(@r, @b) of what Tesseract read to the frame: the
 * box around its corners, for a levelled image. */
static void
place_box (const Placement * p, gint l, gint t, gint r, gint b, gint * x,
    gint * y, gint * w, gint * h)
{
  gdouble x0 = l, y0 = t, x1 = r, y1 = b;

  if (p->turn == 90) {
    x0 = p->canvas_width - b;
    x1 = p->canvas_width - t;
    y0 = l;
    y1 = r;
  } else if (p->turn == -90) {
    x0 = t;
    x1 = b;
    y0 = p->canvas_height - r;
    y1 = p->canvas_height - l;
  }
  if (p->deskew != 0.0) {
    /* turn the corners back, counterclockwise, about the centres */
    gdouble a = p->deskew * G_PI / 180.0, c = cos (a), s = sin (a);
    gdouble xs[4] = { x0, x1, x1, x0 }, ys[4] = { y0, y0, y1, y1 };
    gint i;

    x0 = y0 = G_MAXDOUBLE;
    x1 = y1 = -G_MAXDOUBLE;
    for (i = 0; i < 4; i++) {
      gdouble u = xs[i] - p->canvas_width / 2.0;
      gdouble v = ys[i] - p->canvas_height / 2.0;
      gdouble ox = u * c + v * s + p->width / 2.0;
      gdouble oy = -u * s + v * c + p->height / 2.0;

      x0 = MIN (x0, ox);
      x1 = MAX (x1, ox);
      y0 = MIN (y0, oy);
      y1 = MAX (y1, oy);
    }
    x0 = CLAMP (x0, 0, p->width);
    x1 = CLAMP (x1, 0, p->width);
    y0 = CLAMP (y0, 0, p->height);
    y1 = CLAMP (y1, 0, p->height);
  }
  *x = p->dx + (gint) lround (x0 / p->scale);
  *y = p->dy + (gint) lround (y0 / p->scale);
  *w = (gint) lround ((x1 - x0) / p->scale);
  *h = (gint) lround ((y1 - y0) / p->scale);
}

/* Removes, in place, the directional marks Tesseract puts around runs of
 * right-to-left or left-to-right text in a line ("\u200fالأخبار\u200e"):
 * the text's own characters already say their direction, and the marks
 * would make two readings of the same words differ. */
static gchar *
strip_direction_marks (gchar * text)
{
  gchar *in = text, *out = text;

  while (*in) {
    gunichar c = g_utf8_get_char (in);
    gchar *next = g_utf8_next_char (in);

    if (!(c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a
                && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) {
      memmove (out, in, next - in);
      out += next - in;
    }
    in = next;
  }
  *out = '\0';
  return text;
}

/* The confidence of the least sure letter of the word at @ri, 0 to 1. */
static gdouble
letters_confidence (TessResultIterator * ri)
{
  TessResultIterator *letters = TessResultIteratorCopy (ri);
  TessPageIterator *pi = TessResultIteratorGetPageIterator (letters);
  gfloat confidence = 100.0f;

  do {
    confidence = MIN (confidence, TessResultIteratorConfidence (letters,
            RIL_SYMBOL));
  } while (!TessPageIteratorIsAtFinalElement (pi, RIL_WORD, RIL_SYMBOL)
      && TessPageIteratorNext (pi, RIL_SYMBOL));
  TessResultIteratorDelete (letters);
  return confidence / 100.0;
}

/* Where @word is found in @line's text from @*text_end on: @*text_end
 * moves past it (to the text's end if it is not found). */
static void
pass_word (const GstVocrLine * line, gsize * text_end, const gchar * word)
{
  const gchar *at = strstr (line->text + *text_end, word);

  *text_end = at ? (gsize) (at - line->text) + strlen (word) :
      strlen (line->text);
}

/* Joins the word @text (box @x, @y, @w, @h) to the last word of @line,
 * which its text ends at @*text_end, taking the spaces between them out of
 * the line's text. Nothing changes, and %FALSE is returned, when the line's
 * text does not hold the two words there, a space apart. */
static gboolean
join_last_word (GstVocrLine * line, gsize * text_end, const gchar * text,
    gint x, gint y, gint w, gint h)
{
  GstVocrWord *last = g_ptr_array_index (line->words, line->words->len - 1);
  gsize len = strlen (last->text);
  gchar *end = line->text + *text_end, *next = end, *joined;
  gint x1 = MAX (last->x + last->width, x + w);
  gint y1 = MAX (last->y + last->height, y + h);

  if (*text_end < len || strncmp (end - len, last->text, len) != 0)
    return FALSE;
  while (*next == ' ')
    next++;
  if (next == end || !g_str_has_prefix (next, text))
    return FALSE;
  memmove (end, next, strlen (next) + 1);
  *text_end += strlen (text);
  joined = g_strconcat (last->text, text, NULL);
  g_free (last->text);
  last->text = joined;
  last->x = MIN (last->x, x);
  last->y = MIN (last->y, y);
  last->width = x1 - last->x;
  last->height = y1 - last->y;
  return TRUE;
}

/* Tesseract reports boxes in the image it was given, placed by @place.
 * What each line's language is judged by goes to @evidence. */
static GPtrArray *
collect_lines (TessBaseAPI * api, const Placement * place, GArray * evidence)
{
  LineEvidence line_evidence = { 0 };
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_line_free);
  TessResultIterator *ri = TessBaseAPIGetIterator (api);
  TessPageIterator *pi;
  GstVocrLine *line = NULL;
  LanguageTally tally[MAX_LINE_LANGUAGES];
  guint n_tally = 0;
  /* the last word's ends along the line, in the image Tesseract read, and
   * where it ends in the line's text */
  gint last_l = 0, last_r = 0;
  gboolean last_split = FALSE;
  gdouble last_letters = 0.0;
  gsize text_end = 0;

  if (ri == NULL)
    return lines;
  pi = TessResultIteratorGetPageIterator (ri);

  do {
    gint l, t, r, b;
    gchar *text;

    if (line == NULL || TessPageIteratorIsAtBeginningOf (pi, RIL_TEXTLINE)) {
      gint x, y, w, h;
      gdouble angle;
      TessOrientation orientation;
      TessWritingDirection direction;
      TessTextlineOrder order;
      gfloat deskew;
      gchar *line_text;

      finish_line (lines, line, tally, n_tally, evidence, &line_evidence);
      line = NULL;
      n_tally = 0;
      if (!TessPageIteratorBoundingBox (pi, RIL_TEXTLINE, &l, &t, &r, &b))
        continue;
      line_evidence.l = l;
      line_evidence.t = t;
      line_evidence.r = r;
      line_evidence.b = b;
      line_evidence.words = line_evidence.known = 0;
      line_text = TessResultIteratorGetUTF8Text (ri, RIL_TEXTLINE);
      if (line_text == NULL)
        continue;
      TessPageIteratorOrientation (pi, &orientation, &direction, &order,
          &deskew);
      place_box (place, l, t, r, b, &x, &y, &w, &h);
      /* levelling turned the text clockwise by deskew: it was turned
       * counterclockwise by as much */
      angle = orientation_to_angle (orientation) + place->turn -
          place->deskew;
      if (angle > 180.0)
        angle -= 360.0;
      line = gst_vocr_line_new (g_strstrip (strip_direction_marks
              (line_text)),
          TessResultIteratorConfidence (ri, RIL_TEXTLINE) / 100.0,
          x, y, w, h, angle, NULL);
      TessDeleteText (line_text);
      text_end = 0;
    }

    text = TessResultIteratorGetUTF8Text (ri, RIL_WORD);
    if (text == NULL)
      continue;
    strip_direction_marks (text);
    if (*text != '\0'
        && TessPageIteratorBoundingBox (pi, RIL_WORD, &l, &t, &r, &b)) {
      gint x, y, w, h;
      gdouble confidence = TessResultIteratorConfidence (ri, RIL_WORD) / 100.0;
      /* Where Tesseract's model reads one word of the layout as two, it
       * gives each piece, and so their line, no confidence at all, however
       * sure it is of their letters. */
      gboolean split = confidence <= 0.0, at_dot;
      GstVocrWord *last = line->words->len > 0 ?
          g_ptr_array_index (line->words, line->words->len - 1) : NULL;

      place_box (place, l, t, r, b, &x, &y, &w, &h);
      /* The model splits a file name's extension off at the dot
       * ("threaten." "js", "confer" ".py") in some fonts, where the layout
       * found one word. A piece split at a dot is joined to the last word
       * when it lies more than half inside the last one's box (a space
       * apart, words never overlap so; italics by a pixel or two), or when
       * both are such pieces; then the word is as sure as its least sure
       * letter (a word's confidence is about that). Only at a dot: the
       * model also reads a Chinese line as Latin pieces boxed one in the
       * other, each letter sure ("AL" "RAR" of "生日快乐"), and a typing
       * cursor after a word as a piece inside it ("duration" "fj"). */
      at_dot = last != NULL && (*text == '.'
          || g_str_has_suffix (last->text, "."));
      if (at_dot && l >= last_l && (l < last_r - (r - l) / 2
              || (split && last_split))
          && join_last_word (line, &text_end, text, x, y, w, h)) {
        last->confidence = MIN (last_split ? last_letters : last->confidence,
            split ? letters_confidence (ri) : confidence);
        last_letters = last->confidence;
        last_r = MAX (last_r, r);
      } else {
        gst_vocr_line_add_word (line, gst_vocr_word_new (text, confidence,
                x, y, w, h));
        pass_word (line, &text_end, text);
        last_l = l;
        last_r = r;
        last_split = split;
        if (split)
          last_letters = letters_confidence (ri);
        if (is_word (text)) {
          line_evidence.words++;
          /* the dictionaries hold short runs of letters too ("Bll",
           * "ial", "Jb": eng's reading of Chinese and Arabic lines) */
          line_evidence.known += g_utf8_strlen (text, -1) >=
              KNOWN_WORD_LETTERS && TessResultIteratorWordIsFromDictionary (ri);
        }
      }
      tally_add (tally, &n_tally, MAX_LINE_LANGUAGES,
          TessResultIteratorWordRecognitionLanguage (ri),
          g_utf8_strlen (text, -1));
    }
    TessDeleteText (text);
  } while (TessPageIteratorNext (pi, RIL_WORD));

  finish_line (lines, line, tally, n_tally, evidence, &line_evidence);
  TessResultIteratorDelete (ri);
  return lines;
}

/* The engine for model @i of @codes, loaded into @apis[@i] when first
 * asked for; %NULL if it cannot be loaded. */
static TessBaseAPI *
line_api (GstVocrEngine * engine, TessBaseAPI ** apis, gchar ** codes, guint i)
{
  if (apis[i] == NULL) {
    TessBaseAPI *api = TessBaseAPICreate ();

    if (TessBaseAPIInit2 (api, engine->tessdata_dir, codes[i],
            OEM_LSTM_ONLY) != 0) {
      TessBaseAPIDelete (api);
      return NULL;
    }
    apis[i] = api;
  }
  return apis[i];
}

/* The engine for Latin-script language @i (engine->latin): the main one
 * for the languages' first, whose dictionary it holds. */
static TessBaseAPI *
latin_api (GstVocrEngine * engine, guint i)
{
  if (i == 0 && engine->latin_is_main)
    return engine->api;
  return line_api (engine, engine->latin_apis, engine->latin, i);
}

/* Loads the models @codes[@from] onwards into @apis, leaving out those
 * that cannot be loaded; @codes and @apis become %NULL when none is left. */
static void
load_models (GstVocrEngine * engine, gchar *** codes, TessBaseAPI *** apis,
    guint from)
{
  guint i, n, kept = from;

  if (*codes == NULL)
    return;
  for (i = from; (*codes)[i]; i++) {
    if (line_api (engine, *apis, *codes, i)) {
      (*apis)[kept] = (*apis)[i];
      (*codes)[kept++] = (*codes)[i];
    } else {
      g_free ((*codes)[i]);
    }
  }
  (*codes)[kept] = NULL;
  /* the slots left behind by those moved down hold no engine of their own */
  for (n = i, i = kept; i < n; i++)
    (*apis)[i] = NULL;
  if (kept == 0) {
    g_clear_pointer (codes, g_free);
    g_clear_pointer (apis, g_free);
  }
}

/* Whether the models of @codes[@from] onwards are loaded (@loaded): now
 * if they may be, else noted as wanted (a live stream's frames cannot wait
 * for them: gst_vocr_engine_load_other_scripts() loads them elsewhere). */
static gboolean
models_ready (GstVocrEngine * engine, gchar *** codes, TessBaseAPI *** apis,
    guint from, gboolean * loaded)
{
  if (!*loaded) {
    if (!engine->load_on_demand) {
      engine->others_wanted = TRUE;
      return FALSE;
    }
    load_models (engine, codes, apis, from);
    *loaded = TRUE;
  }
  return TRUE;
}

/* Whether other scripts' models are loaded (models_ready()). */
static gboolean
others_ready (GstVocrEngine * engine)
{
  return models_ready (engine, &engine->others, &engine->other_apis, 0,
      &engine->scripts_loaded);
}

/* Whether the Latin-script models not listed are loaded (models_ready()):
 * all at once, as a line that needs one weighs it by each. */
static gboolean
other_latin_ready (GstVocrEngine * engine)
{
  return models_ready (engine, &engine->latin, &engine->latin_apis,
      engine->listed_latin, &engine->latin_loaded);
}

/* @text with its first letter upper-cased. */
static gchar *
capitalised (const gchar * text)
{
  gchar first[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* Whether nouns are written capitalised in the language of Tesseract code
 * @code (German): there a word its dictionary knows only capitalised is a
 * noun, elsewhere a name. */
static gboolean
capitalises_nouns (const gchar * code)
{
  static const gchar *const codes[] = { "deu", "deu_latf", "frk", "ltz",
    NULL
  };

  return g_strv_contains (codes, code);
}

/* Whether @api's dictionary knows @word as a word of the language, not
 * only as a name: a capitalised word it knows written in small letters (a
 * sentence's first word: Tesseract's English dictionary holds "jealously",
 * not "Jealously"), or as it is where nouns are capitalised (@nouns).
 * English knows "Guten" and "Mann", as names. */
static gboolean
knows_common_word (TessBaseAPI * api, const gchar * word, gboolean nouns)
{
  gboolean capital = g_unichar_isupper (g_utf8_get_char (word));
  gchar *small;
  gboolean known;

  if ((nouns || !capital) && TessBaseAPIIsValidWord (api, word))
    return TRUE;
  if (!capital)
    return FALSE;
  small = g_utf8_strdown (word, -1);
  known = TessBaseAPIIsValidWord (api, small);
  g_free (small);
  return known;
}

/* Whether @api's dictionary knows @part, as it is or as a noun (@nouns). */
static gboolean
knows_part (TessBaseAPI * api, const gchar * part, gboolean nouns)
{
  gchar *noun;
  gboolean known;

  if (TessBaseAPIIsValidWord (api, part))
    return TRUE;
  if (!nouns)
    return FALSE;
  noun = capitalised (part);
  known = TessBaseAPIIsValidWord (api, noun);
  g_free (noun);
  return known;
}

/* The shortest part of a compound, in letters: shorter ones are words of
 * any language ("Aus" + "gang" in English). */
#define COMPOUND_PART 4

/* Whether @word is two words @api's dictionary knows, joined, each of
 * COMPOUND_PART letters or more (German "Wachsfiguren", "bitterkalte"; with
 * a linking "s", "Arbeitsplatz"), words of the language, not names (with
 * @nouns as for knows_common_word()): the languages that write compounds
 * as one word have few of them in their dictionaries, and a line of them
 * would be known to none. */
static gboolean
is_compound (TessBaseAPI * api, const gchar * word, gboolean nouns)
{
  glong n = g_utf8_strlen (word, -1), k;
  gboolean found = FALSE;

  for (k = COMPOUND_PART; !found && k + COMPOUND_PART <= n; k++) {
    gchar *left = g_utf8_substring (word, 0, k);
    const gchar *right = g_utf8_offset_to_pointer (word, k);

    if (knows_common_word (api, left, nouns)) {
      found = knows_part (api, right, nouns)
          || (*right == 's' && k + 1 + COMPOUND_PART <= n
          && knows_part (api, right + 1, nouns));
    }
    g_free (left);
  }
  return found;
}

/* The accented letters of other Latin-script language @code, or %NULL. */
static const gchar *
accented_letters (const gchar * code)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (other_latin_models); i++) {
    if (strcmp (other_latin_models[i].code, code) == 0)
      return other_latin_models[i].accented;
  }
  return NULL;
}

/* The most letters of a word whose accents are restored: two (German
 * "Fruhstuck", French "eleve") */
#define MAX_ACCENTS_RESTORED 2

/* Whether @api's dictionary knows the word of @n letters @chars (as
 * knows_common_word() does) with up to @accents of its letters from the
 * @from-th on accented as letters of @accented are. @chars is left as it
 * was. */
static gboolean
knows_accented (TessBaseAPI * api, gunichar * chars, glong n, glong from,
    guint accents, gboolean nouns, const gchar * accented)
{
  gboolean known = FALSE;
  glong i;

  for (i = from; !known && i < n; i++) {
    gunichar c = chars[i];
    const gchar *a;

    for (a = accented; !known && *a; a = g_utf8_next_char (a)) {
      gunichar accent = g_utf8_get_char (a);
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gchar *variant;

      if (g_unichar_fully_decompose (accent, FALSE, parts,
              G_N_ELEMENTS (parts)) < 2 || parts[0] != g_unichar_tolower (c))
        continue;
      chars[i] = g_unichar_isupper (c) ? g_unichar_toupper (accent) : accent;
      variant = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
      known = (variant && knows_common_word (api, variant, nouns))
          || (accents > 1 && knows_accented (api, chars, n, i + 1,
              accents - 1, nouns, accented));
      g_free (variant);
      chars[i] = c;
    }
  }
  return known;
}

/* Whether @api's dictionary knows @word (as knows_common_word() does) with
 * some of its letters accented as letters of @accented are: read by a
 * language without those letters, the word lost their accents. */
static gboolean
knows_with_accents (TessBaseAPI * api, const gchar * word, gboolean nouns,
    const gchar * accented)
{
  glong n;
  gunichar *chars = g_utf8_to_ucs4_fast (word, -1, &n);
  gboolean known = knows_accented (api, chars, n, 0, MAX_ACCENTS_RESTORED,
      nouns, accented);

  g_free (chars);
  return known;
}

/* @text without the signs around its letters (letters_span()), newly
 * allocated. */
static gchar *
without_signs (const gchar * text)
{
  gsize first, last;

  letters_span (text, strlen (text), &first, &last);
  return g_strndup (text + first, last - first);
}

/* How well @api's dictionary knows @line's words (without the signs
 * around them: subtitles end in full stops), in halves: a word of the
 * language, or a compound of its words, counts 2, a word it knows only as
 * a name 1 (with @nouns as for knows_common_word()). Names tell languages
 * apart badly: a German line's "Guten Morgen" are English names too. With
 * @accented (accented_letters()), a word known with a letter or two
 * accented counts as a word of the language too. How many words were
 * weighed goes to @n_words if not %NULL. */
static guint
dictionary_weight (TessBaseAPI * api, const GstVocrLine * line,
    gboolean nouns, const gchar * accented, guint * n_words)
{
  guint i, weight = 0, n = 0;

  for (i = 0; i < line->words->len; i++) {
    gchar *word = without_signs (gst_vocr_line_get_word (line, i)->text);

    if (is_word (word)) {
      n++;
      if (knows_common_word (api, word, nouns)
          || is_compound (api, word, nouns)
          || (accented && knows_with_accents (api, word, nouns, accented)))
        weight += 2;
      else if (TessBaseAPIIsValidWord (api, word))
        weight += 1;
    }
    g_free (word);
  }
  if (n_words)
    *n_words = n;
  return weight;
}

/* What @api reads in the line at (@line's box) of @pix, read alone (words
 * placed in the frame by @place), or %NULL if it read nothing. */
static GstVocrLine *
read_line_alone (GstVocrEngine * engine, TessBaseAPI * api, PIX * pix,
    const Placement * place, const LineEvidence * line)
{
  /* a margin of half the line's height all round: LSTM reads a tight crop
   * badly (the Chinese "安全第一" at a region's foot as "全的一"). Ink's
   * margin is blank: the glyphs of the lines above and below reaching into
   * it were read as parts of the line's letters (a tightly set page's
   * "schnelle" as "s c h nel 1e"). A gray picture keeps its own, its edge
   * going on where it ends sooner: it has no one blank value, and a flat
   * one leaves edges that are read too ("欢迎光临" 0.89 → 0.77). */
  gint margin = (line->b - line->t) / 2;
  gint keep = pixGetDepth (pix) == 1 ? 0 : margin;
  gint ox = MAX (0, line->l - keep), oy = MAX (0, line->t - keep);
  gint ex = MIN (pixGetWidth (pix), line->r + keep);
  gint ey = MIN (pixGetHeight (pix), line->b + keep);
  gint left = ox - (line->l - margin), right = line->r + margin - ex;
  gint top = oy - (line->t - margin), bottom = line->b + margin - ey;
  BOX *box;
  PIX *clip, *crop;
  TessResultIterator *ri;
  GString *text;
  GstVocrLine *reading;
  gdouble confidence = 0.0;

  if (ex <= ox || ey <= oy)
    return NULL;
  box = boxCreate (ox, oy, ex - ox, ey - oy);
  clip = pixClipRectangle (pix, box, NULL);
  boxDestroy (&box);
  if (clip == NULL)
    return NULL;
  crop = keep ? pixAddContinuedBorder (clip, left, right, top, bottom)
      : pixAddBorderGeneral (clip, left, right, top, bottom, 0);
  pixDestroy (&clip);
  if (crop == NULL)
    return NULL;
  /* where the crop's origin lies in @pix */
  ox = line->l - margin;
  oy = line->t - margin;
  TessBaseAPISetPageSegMode (api, PSM_SINGLE_LINE);
  TessBaseAPISetImage2 (api, crop);
  TessBaseAPISetSourceResolution (api,
      (gint) lround (VIDEO_PPI * place->scale));
  pixDestroy (&crop);
  if (TessBaseAPIRecognize (api, engine->monitor) != 0)
    return NULL;
  ri = TessBaseAPIGetIterator (api);
  if (ri == NULL)
    return NULL;
  reading = gst_vocr_line_new ("", 0.0, 0, 0, 0, 0, 0.0, NULL);
  text = g_string_new (NULL);
  do {
    gchar *word = TessResultIteratorGetUTF8Text (ri, RIL_WORD);
    gint l, t, r, b, x, y, w, h;

    if (word && *word && TessPageIteratorBoundingBox
        (TessResultIteratorGetPageIterator (ri), RIL_WORD, &l, &t, &r, &b)) {
      gdouble word_confidence = TessResultIteratorConfidence (ri,
          RIL_WORD) / 100.0;

      place_box (place, ox + l, oy + t, ox + r, oy + b, &x, &y, &w, &h);
      /* as finish_line() does for the lines of a whole reading */
      capitalise_lookalikes (word);
      gst_vocr_line_add_word (reading, gst_vocr_word_new (word,
              word_confidence, x, y, w, h));
      g_string_append_printf (text, "%s%s", text->len ? " " : "", word);
      confidence += word_confidence;
    }
    TessDeleteText (word);
  } while (TessResultIteratorNext (ri, RIL_WORD));
  TessResultIteratorDelete (ri);
  if (reading->words->len == 0) {
    gst_vocr_line_free (reading);
    g_string_free (text, TRUE);
    return NULL;
  }
  g_free (reading->text);
  reading->text = g_string_free (text, FALSE);
  reading->confidence = confidence / reading->words->len;
  return reading;
}

/* Gives @line the words, text and confidence of @reading, which takes
 * @line's; @line keeps its box, where its layout found the line (the
 * words a line read alone finds can be boxed loosely: Chinese ones). */
static void
take_reading (GstVocrLine * line, GstVocrLine * reading)
{
  GPtrArray *words = line->words;
  gchar *text = line->text;

  line->words = reading->words;
  line->text = reading->text;
  line->confidence = reading->confidence;
  reading->words = words;
  reading->text = text;
  gst_vocr_line_trim_unsure_symbols (line, EDGE_SYMBOLS_MAX_CONFIDENCE);
}

/* Gives each Latin-script line the Latin-script language whose dictionary
 * knows its words best (dictionary_weight()): the first language listed
 * where it knows them as well as the line's own; a language that knows
 * them better, reading the line alone, where neither knows them all as
 * words of the language. Confidences do not count: the models' do not tell
 * languages apart (deu is surer than eng of "Caesura Scruffier"). */
static void
settle_latin_languages (GstVocrEngine * engine, PIX * pix,
    const Placement * place, GPtrArray * lines, GArray * evidence)
{
  guint i, j;

  for (i = 0; i < lines->len; i++) {
    const LineEvidence *line = &g_array_index (evidence, LineEvidence, i);
    GstVocrLine *vocr_line = g_ptr_array_index (lines, i);
    const gchar *best = NULL;
    guint best_weight, own, weight, words;
    GstVocrLine *best_reading = NULL;
    TessBaseAPI *api;

    if (line->code == NULL || !g_strv_contains ((const gchar * const *)
            engine->latin, line->code))
      continue;
    own = 0;
    while (strcmp (engine->latin[own], line->code) != 0)
      own++;
    /* a model that cannot be loaded cannot weigh the line in its language */
    api = latin_api (engine, own);
    if (api == NULL)
      continue;
    best_weight = dictionary_weight (api, vocr_line,
        capitalises_nouns (line->code), NULL, &words);
    /* The first language listed takes a line that its dictionary knows as
     * well: which of the languages that know a line equally ("View Go Run
     * Terminal Help", in deu's dictionary too) or not at all (file names)
     * Tesseract reads it in is a toss-up, and users list their main
     * language first. */
    if (own != 0 && (api = latin_api (engine, 0)) != NULL) {
      weight = dictionary_weight (api, vocr_line,
          capitalises_nouns (engine->latin[0]), NULL, NULL);
      if (weight >= best_weight) {
        own = 0;
        best = engine->latin[0];
        best_weight = weight;
      }
    }
    for (j = 0; best_weight < 2 * words && engine->latin[j]; j++) {
      GstVocrLine *reading;
      guint margin = 0;

      if (j == own)
        continue;
      if (j >= engine->listed_latin) {
        /* A language not listed reads a line only when its dictionary
         * knows a word more of it, as it was read (or but for accents
         * the languages read without), than the languages' (not a name
         * more: "Berlin" is a German noun): a line of names or code is
         * known to none, and reading it with each would cost most. It
         * takes the line by a word more too, as it reads it. */
        margin = 1;
        /* (a line the languages know but a name of cannot be taken: a
         * model need not be loaded for it) */
        if (!engine->read_other_scripts
            || best_weight + margin >= 2 * words)
          break;
        if (!other_latin_ready (engine) || engine->latin[j] == NULL)
          break;
        api = engine->latin_apis[j];
        if (dictionary_weight (api, vocr_line,
                capitalises_nouns (engine->latin[j]),
                accented_letters (engine->latin[j]), NULL)
            <= best_weight + margin)
          continue;
      } else if ((api = latin_api (engine, j)) == NULL) {
        continue;
      }
      reading = read_line_alone (engine, api, pix, place, line);
      if (reading == NULL)
        continue;
      weight = dictionary_weight (api, reading,
          capitalises_nouns (engine->latin[j]), NULL, NULL);
      if (weight > best_weight + margin) {
        best = engine->latin[j];
        best_weight = weight;
        g_clear_pointer (&best_reading, gst_vocr_line_free);
        best_reading = g_steal_pointer (&reading);
      }
      g_clear_pointer (&reading, gst_vocr_line_free);
    }
    /* the language that knows the words reads their letters too
     * ("Öffnungszeiten", where English read "Offnungszeiten"), when it
     * finds the same words: one that splits them ("pa res seux") knows
     * more of its short pieces, not the text */
    if (best_reading && best_reading->words->len == vocr_line->words->len)
      take_reading (vocr_line, best_reading);
    g_clear_pointer (&best_reading, gst_vocr_line_free);
    if (best) {
      g_free (vocr_line->language);
      vocr_line->language = g_strdup (gst_vocr_language_to_bcp47 (best));
    }
  }
}

/* A reading in another script replaces a line's when it is this much surer:
 * a model reads what is not its script unsurely, but not always much less
 * surely than the line's own language read it. */
#define OTHER_SCRIPT_MARGIN 0.1
/* ...and it is taken only this sure: a model reads a picture's shapes as
 * a few letters of its script (Arabic and Chinese most of all) about as
 * surely as the languages read them as theirs, and far less surely than it
 * reads its script. */
#define OTHER_SCRIPT_MIN_CONFIDENCE 0.8
#define OTHER_SCRIPT_LINE_ASPECT 2
/* lines remembered as read in the languages' own scripts, and how similar
 * a reading must be to be of one of them (as the aggregator's items) */
#define OWN_SCRIPT_TEXTS 256
#define OWN_SCRIPT_SIMILARITY 0.8

/* Whether @text is written in letters, two different ones or more, most
 * of them Latin (@latin) or most of them not: digits and signs are the
 * same in every script, a model reading a line it cannot read finds a
 * letter or two of its script among them, and a picture's bars are read
 * as one letter repeated ("一一一"). */
static gboolean
written_in_letters (const gchar * text, gboolean latin)
{
  gint in_script = 0, letters = 0, others = 0;
  gunichar first = 0;
  gboolean different = FALSE;

  for (; *text; text = g_utf8_next_char (text)) {
    gunichar c = g_utf8_get_char (text);

    if (g_unichar_isalpha (c)) {
      letters++;
      in_script += (g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
          == latin;
      if (first == 0)
        first = c;
      different |= c != first;
    } else if (!g_unichar_isspace (c)) {
      others++;
    }
  }
  return different && letters > others && 2 * in_script > letters;
}

/* Whether the boxes (@ax, @ay, @aw, @ah) and (@bx, @by, @bw, @bh) share
 * half of the smaller's area or more. */
static gboolean
boxes_overlap (gint ax, gint ay, gint aw, gint ah, gint bx, gint by, gint bw,
    gint bh)
{
  gint x0 = MAX (ax, bx), y0 = MAX (ay, by);
  gint x1 = MIN (ax + aw, bx + bw), y1 = MIN (ay + ah, by + bh);

  return x1 > x0 && y1 > y0 && 2 * (gint64) (x1 - x0) * (y1 - y0) >=
      MIN ((gint64) aw * ah, (gint64) bw * bh);
}

/* Removes from @lines (and their @evidence) the lines that are not among
 * @taken, the lines read in another script, but overlap one of them:
 * pieces of its text that the languages read as lines of their own
 * (Tesseract reads an Arabic line as two overlapping ones). */
static void
drop_pieces (GPtrArray * lines, GArray * evidence, GPtrArray * taken)
{
  guint i, j;

  for (i = lines->len; i > 0; i--) {
    const GstVocrLine *other = g_ptr_array_index (lines, i - 1);

    for (j = 0; !g_ptr_array_find (taken, other, NULL) && j < taken->len;
        j++) {
      const GstVocrLine *line = g_ptr_array_index (taken, j);

      if (boxes_overlap (other->x, other->y, other->width, other->height,
              line->x, line->y, line->width, line->height)) {
        g_ptr_array_remove_index (lines, i - 1);
        g_array_remove_index (evidence, i - 1);
        break;
      }
    }
  }
}

/* How much of @line was read, and how surely: its characters weighted by
 * confidence, and by their width: a Chinese or Japanese character is as
 * wide as two letters, and a reading of its line in Latin letters ("Bll
 * ial" for "营业时间") has about twice as many. */
static gdouble
line_score (const GstVocrLine * line)
{
  const gchar *c;
  guint columns = 0;

  for (c = line->text; *c; c = g_utf8_next_char (c))
    columns += g_unichar_iswide (g_utf8_get_char (c)) ? 2 : 1;
  return line->confidence * columns;
}

/* line_score() of all @lines */
static gdouble
reading_score (GPtrArray * lines)
{
  gdouble score = 0.0;
  guint i;

  for (i = 0; i < lines->len; i++)
    score += line_score (g_ptr_array_index (lines, i));
  return score;
}

/* Whether @text, or another reading of the same text, is among the
 * engine's lines lately read in the languages' own scripts. */
static gboolean
own_script_text (GstVocrEngine * engine, const gchar * text)
{
  GList *l;

  for (l = engine->own_script_texts.tail; l; l = l->prev) {
    if (gst_vocr_text_is_same (l->data, text, OWN_SCRIPT_SIMILARITY))
      return TRUE;
  }
  return FALSE;
}

/* Reads each line that the languages read unsurely with the model of each
 * other script, and gives it the surest reading written in that model's
 * script, when that is clearly surer than its own. The lines are read from
 * @gray, the region as it was (at @place's origin, unscaled), when @pix is
 * its ink: the ink's preparation knows the shapes of Latin letters, and
 * takes the dots of small "小心" for specks; the ink is read too where the
 * gray did not convince. */
static void
read_other_scripts (GstVocrEngine * engine, PIX * pix,
    const Placement * place, PIX * gray, gdouble min_confidence,
    GPtrArray * lines, GArray * evidence)
{
  Placement as_is = { 0 };
  GPtrArray *taken = g_ptr_array_new ();
  guint i, j;

  if (gray)
    as_is = as_is_placement (place, gray);
  for (i = 0; i < lines->len; i++) {
    LineEvidence *line = &g_array_index (evidence, LineEvidence, i);
    GstVocrLine *vocr_line = g_ptr_array_index (lines, i);
    LineEvidence in_gray = { vocr_line->x - place->dx, vocr_line->y -
          place->dy, vocr_line->x - place->dx + vocr_line->width,
      vocr_line->y - place->dy + vocr_line->height, NULL, 0, 0
    };
    GstVocrLine *best = NULL;
    const gchar *best_code = NULL;
    TessBaseAPI *best_api = NULL;

    /* two words or more that the dictionaries know, half the line's or
     * more, read surely enough to be kept: the line is in one of the
     * languages, read unsurely (a code editor's "View Go Run Terminal
     * Help"); Chinese glyphs are read as short words too, most unsurely.
     * Nor a line without letters: digits and signs read the same in every
     * script. */
    if (vocr_line->confidence >= SECOND_OPINION_BELOW
        || (vocr_line->confidence >= min_confidence && line->known >= 2
            && 2 * line->known >= line->words)
        || own_script_text (engine, vocr_line->text)
        || !has_char (vocr_line->text, g_unichar_isalpha)
        || !others_ready (engine) || engine->others == NULL)
      continue;
    for (j = 0; engine->others[j]; j++) {
      GstVocrLine *reading = read_line_alone (engine, engine->other_apis[j],
          gray ? gray : pix, gray ? &as_is : place, gray ? &in_gray : line);

      if (reading && written_in_letters (reading->text,
              is_latin (engine->others[j]))
          && (best == NULL || reading->confidence > best->confidence)) {
        g_clear_pointer (&best, gst_vocr_line_free);
        best = g_steal_pointer (&reading);
        best_code = engine->others[j];
        best_api = engine->other_apis[j];
      }
      g_clear_pointer (&reading, gst_vocr_line_free);
    }
    /* Large glyphs keep their dots and strokes in the ink, and a model
     * may read them better there than in the gray, where chi_sim read
     * "营业时间" at 0.33 (0.87 in the ink), ara "حالة الطقس اليوم" not
     * surely enough: the surest model reads the ink too when its gray
     * reading did not convince, and the reading with more sure characters
     * is its. */
    if (best && gray && best->confidence < OTHER_SCRIPT_MIN_CONFIDENCE) {
      GstVocrLine *reading = read_line_alone (engine, best_api, pix, place,
          line);

      if (reading && written_in_letters (reading->text, is_latin (best_code))
          && line_score (reading) > line_score (best)) {
        g_clear_pointer (&best, gst_vocr_line_free);
        best = g_steal_pointer (&reading);
      }
      g_clear_pointer (&reading, gst_vocr_line_free);
    }
    if (best && best->confidence >= OTHER_SCRIPT_MIN_CONFIDENCE
        && best->confidence >= vocr_line->confidence + OTHER_SCRIPT_MARGIN) {
      write_in_script (best, best_code);
      take_reading (vocr_line, best);
      g_free (vocr_line->language);
      vocr_line->language = g_strdup (gst_vocr_language_to_bcp47 (best_code));
      line->code = best_code;
      g_ptr_array_add (taken, vocr_line);
    } else if (vocr_line->confidence >= min_confidence) {
      g_queue_push_tail (&engine->own_script_texts,
          g_strdup (vocr_line->text));
      if (g_queue_get_length (&engine->own_script_texts) > OWN_SCRIPT_TEXTS)
        g_free (g_queue_pop_head (&engine->own_script_texts));
    }
    g_clear_pointer (&best, gst_vocr_line_free);
  }
  drop_pieces (lines, evidence, taken);
  g_ptr_array_unref (taken);
}

/* Reads @pix, placed in the frame by @place, with @api (the engine's
 * languages, or one other script's model), stopping at @deadline
 * (monotonic time). @gray is the region as it was when @pix is its ink. */
static GPtrArray *
read_image (GstVocrEngine * engine, TessBaseAPI * api, PIX * pix,
    const Placement * place, PIX * gray, gint64 deadline,
    gdouble min_confidence, GCancellable * cancellable, GError ** error)
{
  gint64 now = g_get_monotonic_time ();
  GArray *evidence;
  GPtrArray *lines;
  guint i;

  TessBaseAPISetImage2 (api, pix);
  TessBaseAPISetSourceResolution (api,
      (gint) lround (VIDEO_PPI * place->scale));
  TessMonitorSetCancelFunc (engine->monitor,
      cancellable ? cancel_requested : NULL);
  TessMonitorSetCancelThis (engine->monitor, cancellable);
  /* Tesseract stops at the deadline */
  TessMonitorSetDeadlineMSecs (engine->monitor, deadline == G_MAXINT64 ?
      G_MAXINT : (gint) MAX (1, (deadline - now) / 1000));
  if (now >= deadline || TessBaseAPIRecognize (api,
          engine->monitor) != 0) {
    if (g_cancellable_is_cancelled (cancellable)) {
      g_set_error (error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_CANCELLED, "Recognition was cancelled");
    } else if (g_get_monotonic_time () >= deadline) {
      g_set_error (error, GST_VOCR_ENGINE_ERROR, GST_VOCR_ENGINE_ERROR_TIMEOUT,
          "Reading a %dx%d image took more than %u ms",
          (gint) lround (place->width / place->scale),
          (gint) lround (place->height / place->scale), engine->time_limit_ms);
    } else {
      g_set_error (error, GST_VOCR_ENGINE_ERROR, GST_VOCR_ENGINE_ERROR_INIT,
          "Tesseract failed to recognise a %dx%d image",
          (gint) lround (place->width / place->scale),
          (gint) lround (place->height / place->scale));
    }
    TessBaseAPIClear (api);
    return NULL;
  }
  evidence = g_array_new (FALSE, FALSE, sizeof (LineEvidence));
  lines = collect_lines (api, place, evidence);
  if (api == engine->api && engine->read_other_scripts && engine->others)
    read_other_scripts (engine, pix, place, gray, min_confidence, lines,
        evidence);
  for (i = lines->len; i > 0; i--) {
    if (((GstVocrLine *) g_ptr_array_index (lines, i - 1))->confidence <
        min_confidence) {
      g_ptr_array_remove_index (lines, i - 1);
      g_array_remove_index (evidence, i - 1);
    }
  }
  if (api == engine->api && engine->latin)
    settle_latin_languages (engine, pix, place, lines, evidence);
  g_array_unref (evidence);
  return lines;
}

static gdouble
mean_confidence (GPtrArray * lines)
{
  gdouble sum = 0.0;
  guint i;

  for (i = 0; i < lines->len; i++)
    sum += ((GstVocrLine *) g_ptr_array_index (lines, i))->confidence;
  return lines->len ? sum / lines->len : 0.0;
}

/* Of two readings of a region, @other wins when its score is more than
 * @handicap times @lines'; the loser is freed. A failed @other (%NULL)
 * fails both: its error is the caller's. */
static GPtrArray *
keep_better (GPtrArray * lines, GPtrArray * other, gdouble handicap)
{
  if (other == NULL) {
    g_ptr_array_unref (lines);
    return NULL;
  }
  if (reading_score (other) > handicap * reading_score (lines)) {
    g_ptr_array_unref (lines);
    return other;
  }
  g_ptr_array_unref (other);
  return lines;
}

/* A word's glyphs are closer to each other than this share of the line's
 * height; words are further apart. */
#define LETTER_GAP 0.2
/* A word whose box is this close to the frame's edge (pixels) touches it:
 * its last glyph may go on beyond. Any further, and a word is whole: a
 * turned line's box is far higher than its glyphs, so a letter's gap by
 * its height would take a whole word by the edge for a cut one. */
#define EDGE_TOUCH 2

/* Whether the frame's edge at the left (@before) or right side of the
 * @width-wide region at (@dx, @dy) cuts @word of @line: the word touches
 * the edge, or one of the @cut shapes at that side (ink the preparation
 * took out, or %NULL) lies on the line's rows, at most a letter's gap from
 * the word. */
static gboolean
edge_cuts_word (BOXA * cut, gint dx, gint dy, gint width,
    const GstVocrLine * line, const GstVocrWord * word, gboolean before)
{
  gdouble letter_gap = LETTER_GAP * line->height;
  gint i, n = cut ? boxaGetCount (cut) : 0;

  if ((before ? word->x - dx : dx + width - (word->x + word->width))
      <= MIN (letter_gap, EDGE_TOUCH))
    return TRUE;
  for (i = 0; i < n; i++) {
    l_int32 x, y, w, h;
    gint middle;

    boxaGetBoxGeometry (cut, i, &x, &y, &w, &h);
    middle = dy + y + h / 2;
    if ((before ? x != 0 : x + w != width) || middle < line->y
        || middle > line->y + line->height)
      continue;
    if ((before ? word->x - (dx + x + w) : dx + x - (word->x + word->width))
        <= letter_gap)
      return TRUE;
  }
  return FALSE;
}

/* Drops the words of @lines that the frame's edge cuts, at the left side
 * (@left) or right side (@right) of the @width-wide region at (@dx, @dy),
 * @cut holding the shapes the preparation took out there (or %NULL): the
 * rest of such a word is no word of the text ("deliv" of "delivery"
 * scrolling out of the picture). A line left without words goes. */
static void
drop_cut_words (GPtrArray * lines, BOXA * cut, gint dx, gint dy, gint width,
    gboolean left, gboolean right)
{
  guint l = 0;

  while (l < lines->len) {
    GstVocrLine *line = g_ptr_array_index (lines, l);
    guint n_words = line->words->len, n_first, n_last;

    /* turned text's words are not side by side in the frame */
    if (n_words == 0 || line->height > line->width) {
      l++;
      continue;
    }
    n_first = left && edge_cuts_word (cut, dx, dy, width, line,
        g_ptr_array_index (line->words, 0), TRUE);
    n_last = right && edge_cuts_word (cut, dx, dy, width, line,
        g_ptr_array_index (line->words, n_words - 1), FALSE);
    if (n_first + n_last >= n_words) {
      g_ptr_array_remove_index (lines, l);
    } else {
      gst_vocr_line_trim_words (line, n_first, n_last);
      l++;
    }
  }
}

/**
 * gst_vocr_engine_set_time_limit:
 * @engine: a #GstVocrEngine
 * @milliseconds: the longest a recognition may take, 0 for no limit
 *
 * Bounds the time gst_vocr_engine_recognize() spends on one image, so that
 * a pathological frame (dense noise that looks like thousands of glyphs)
 * cannot stall a stream. When the limit is reached Tesseract stops and
 * gst_vocr_engine_recognize() fails with #GST_VOCR_ENGINE_ERROR_TIMEOUT:
 * Tesseract keeps nothing of an interrupted page. Layout analysis cannot be
 * interrupted, so a recognition may overrun a very short limit.
 */
void
gst_vocr_engine_set_time_limit (GstVocrEngine * engine, guint milliseconds)
{
  g_return_if_fail (engine != NULL);
  engine->time_limit_ms = milliseconds;
}

/* Reads @gray, the region as it was (placed by @as_is), as one block of
 * text with @api: the lines read surely, written in the letters of the
 * script @latin says. One block: the layout analysis finds no text in a
 * few Chinese glyphs. */
static GPtrArray *
read_as_block (GstVocrEngine * engine, TessBaseAPI * api, gboolean latin,
    PIX * gray, const Placement * as_is, gint64 deadline,
    gdouble min_confidence, GCancellable * cancellable, GError ** error)
{
  TessPageSegMode mode = TessBaseAPIGetPageSegMode (api);
  GPtrArray *lines;
  guint i;

  TessBaseAPISetPageSegMode (api, PSM_SINGLE_BLOCK);
  lines = read_image (engine, api, gray, as_is, NULL, deadline,
      min_confidence, cancellable, error);
  TessBaseAPISetPageSegMode (api, mode);
  for (i = lines ? lines->len : 0; i > 0; i--) {
    const GstVocrLine *line = g_ptr_array_index (lines, i - 1);

    if (line->confidence < OTHER_SCRIPT_MIN_CONFIDENCE
        || !written_in_letters (line->text, latin))
      g_ptr_array_remove_index (lines, i - 1);
  }
  return lines;
}

/* The lines of the region @gray (placed by @as_is) in which the layout
 * analysis found none: read as one block with the languages when one of
 * them is not written in Latin letters (Chinese "安全第一" with
 * languages=eng+chi_sim), then with the model of each other script (with
 * languages=eng); the reading with the most confident characters. */
static GPtrArray *
read_unfound_line (GstVocrEngine * engine, PIX * gray,
    const Placement * as_is, gint64 deadline, gdouble min_confidence,
    GCancellable * cancellable, GError ** error)
{
  GPtrArray *best = g_ptr_array_new_with_free_func ((GDestroyNotify)
      gst_vocr_line_free);
  guint j;

  if (engine->non_latin)
    best = keep_better (best, read_as_block (engine, engine->api, FALSE,
            gray, as_is, deadline, min_confidence, cancellable, error), 1.0);
  for (j = 0; engine->read_other_scripts && best && others_ready (engine)
      && engine->others && engine->others[j]; j++) {
    best = keep_better (best, read_as_block (engine, engine->other_apis[j],
            is_latin (engine->others[j]), gray, as_is, deadline,
            min_confidence, cancellable, error), 1.0);
  }
  return best;
}

/**
 * gst_vocr_engine_set_other_scripts:
 * @engine: a #GstVocrEngine
 * @enabled: whether to read with other scripts' models
 *
 * Whether gst_vocr_engine_recognize() reads the lines its languages read
 * unsurely, and the regions where they read nothing, again with one
 * installed model of each script none of its languages writes (found in
 * its tessdata directory when the engine was made; `rus`, `chi_sim`,
 * `ara`… first), taking the lines such a model reads clearly better, in
 * its language; and the Latin-script lines whose words the dictionary of
 * an installed Latin-script language none of them is (`spa`, `fra`,
 * `por`, `deu`, `ita`… first, five at most) knows a word more of than
 * theirs, again with that language, taking its reading when its
 * dictionary still knows a word more of it. Off when the engine is made.
 * The models are loaded when first needed (tens to hundreds of
 * milliseconds each), or by gst_vocr_engine_load_other_scripts().
 */
void
gst_vocr_engine_set_other_scripts (GstVocrEngine * engine, gboolean enabled)
{
  g_return_if_fail (engine != NULL);
  engine->read_other_scripts = enabled;
}

/**
 * gst_vocr_engine_set_load_on_demand:
 * @engine: a #GstVocrEngine
 * @on_demand: whether a recognition may load other scripts' models
 *
 * With @on_demand %FALSE, a recognition that needs other scripts' models
 * (gst_vocr_engine_set_other_scripts()) before they are loaded reads
 * without them rather than wait for them, and
 * gst_vocr_engine_other_scripts_wanted() says so: for a live stream, whose
 * frames cannot wait, and which loads them with
 * gst_vocr_engine_load_other_scripts() elsewhere. %TRUE when the engine is
 * made.
 */
void
gst_vocr_engine_set_load_on_demand (GstVocrEngine * engine,
    gboolean on_demand)
{
  g_return_if_fail (engine != NULL);
  engine->load_on_demand = on_demand;
}

/**
 * gst_vocr_engine_other_scripts_wanted:
 * @engine: a #GstVocrEngine
 *
 * Returns: whether a recognition read without other scripts' models because
 *   they were not loaded and could not be loaded on demand
 */
gboolean
gst_vocr_engine_other_scripts_wanted (GstVocrEngine * engine)
{
  g_return_val_if_fail (engine != NULL, FALSE);
  return engine->others_wanted;
}

/**
 * gst_vocr_engine_load_other_scripts:
 * @engine: a #GstVocrEngine
 *
 * Loads the models gst_vocr_engine_set_other_scripts() reads with, if they
 * are not loaded yet: to do it at a time of the caller's choosing rather
 * than during the recognition that first needs them (a live stream's
 * worker, when it is idle). A model that cannot be loaded is left out.
 */
void
gst_vocr_engine_load_other_scripts (GstVocrEngine * engine)
{
  g_return_if_fail (engine != NULL);

  if (!engine->scripts_loaded)
    load_models (engine, &engine->others, &engine->other_apis, 0);
  if (!engine->latin_loaded)
    load_models (engine, &engine->latin, &engine->latin_apis,
        engine->listed_latin);
  engine->scripts_loaded = engine->latin_loaded = TRUE;
}

/* Reads the region (@x0, @y0)-(@x1, @y1) of @frame (its luma @luma,
 * @stride), stopping at @deadline (monotonic time). */
static GPtrArray *
read_region (GstVocrEngine * engine, const GstVideoFrame * frame,
    const guint8 * luma, gint stride, gint x0, gint y0, gint x1, gint y1,
    gdouble min_confidence, gint64 deadline, GCancellable * cancellable,
    GError ** error)
{
  GstVocrPrepared prepared;
  Placement place;
  GPtrArray *lines;

  /* Give Tesseract only the region: SetRectangle misreads regions as wide
   * as the image (Tesseract 5.3). */
  gst_vocr_prepare_region (luma + (gsize) y0 * stride + x0, stride,
      x1 - x0, y1 - y0, x0 == 0, x1 == GST_VIDEO_FRAME_WIDTH (frame),
      &prepared);
  place.dx = x0;
  place.dy = y0;
  place.scale = prepared.scale;
  place.width = prepared.width;
  place.height = prepared.height;
  place.deskew = prepared.deskew;
  place.canvas_width = pixGetWidth (prepared.pix);
  place.canvas_height = pixGetHeight (prepared.pix);
  place.turn = 0;

  lines = read_image (engine, engine->api, prepared.pix, &place,
      prepared.region, deadline, min_confidence, cancellable, error);
  /* The ink is what the region's shapes say the text is; where Tesseract
   * reads it unsurely, or not at all, the region as it was gets a read too
   * (blurred small letters on photos lose strokes to any threshold, and
   * Tesseract's recogniser reads gray levels), and the better reading
   * wins. */
  if (lines && prepared.region && (lines->len == 0 ||
          mean_confidence (lines) < SECOND_OPINION_BELOW)) {
    Placement as_is = as_is_placement (&place, prepared.region);
    GPtrArray *other;

    other = read_image (engine, engine->api, prepared.region, &as_is, NULL,
        deadline, min_confidence, cancellable, error);
    lines = keep_better (lines, other, 1.0);
  }
  /* A region much taller than wide holds vertical text, or a column of
   * short lines: Tesseract reads neither turned text direction on its own
   * (it reports top-to-bottom text as unturned, and misses bottom-to-top
   * text), so the region is also read turned both ways, and the reading
   * with the most confident characters wins; a turned one wins when it is
   * about as good, since it also knows the text's direction. */
  if (lines && place.height >= VERTICAL_ASPECT * place.width) {
    gint turns[] = { 90, -90 }, i;

    for (i = 0; i < G_N_ELEMENTS (turns) && lines; i++) {
      /* pixRotate90() turns clockwise for 1 */
      PIX *turned = pixRotate90 (prepared.pix, turns[i] == 90 ? -1 : 1);
      GPtrArray *other;

      place.turn = turns[i];
      other = read_image (engine, engine->api, turned, &place, NULL, deadline,
          min_confidence, cancellable, error);
      pixDestroy (&turned);
      lines = keep_better (lines, other, TURNED_PREFERENCE);
    }
  }
  /* Nothing read: the layout analysis may find no text in a few glyphs
   * of a script, and the languages' models may not even take the glyphs
   * of another script for text (a Chinese sign with languages=eng). Only
   * a region as wide as a line of two glyphs or more: a busy picture has
   * many regions of its shapes, squarer. Its shapes need not be glyphs:
   * a Hindi word is one shape, its letters joined by the line they hang
   * from ("आपातकालीन निकास" left the region gray, and unread). */
  if (lines && lines->len == 0
      && (engine->non_latin || (engine->read_other_scripts && engine->others))
      && x1 - x0 >= OTHER_SCRIPT_LINE_ASPECT * (y1 - y0)) {
    /* the region as it was: kept beside its ink, or left so where no side
     * of its threshold made glyphs */
    PIX *gray = prepared.region ? prepared.region : prepared.pix;
    Placement as_is = as_is_placement (&place, gray);

    lines = keep_better (lines, read_unfound_line (engine, gray,
            &as_is, deadline, min_confidence, cancellable, error), 1.0);
  }
  if (lines && (x0 == 0 || x1 == GST_VIDEO_FRAME_WIDTH (frame)))
    drop_cut_words (lines, prepared.cut, x0, y0, x1 - x0, x0 == 0,
        x1 == GST_VIDEO_FRAME_WIDTH (frame));
  gst_vocr_prepared_clear (&prepared);
  return lines;
}

/* A region of 1 / LARGE_REGION_SHARE of the frame or more is mostly
 * picture: a busy one (a street, a building's windows) hides its text from
 * Tesseract's layout analysis, which takes the picture's shapes for text
 * blocks. */
#define LARGE_REGION_SHARE 4

/* Whether @line and @box (in the region at @dx, @dy) share half of the
 * smaller's area or more. */
static gboolean
line_overlaps (const GstVocrLine * line, const BOX * box, gint dx, gint dy)
{
  return boxes_overlap (line->x, line->y, line->width, line->height,
      dx + box->x, dy + box->y, box->w, box->h);
}

/* Reads, each alone, the rows of glyph-like shapes of the region
 * (@x0, @y0)-(@x1, @y1) that none of its @lines read surely overlaps: a
 * sign over a building's windows, read from the whole frame, is lost among
 * the windows, or read unsurely in one line with them. What a row reads
 * replaces the unsure lines overlapping it. */
static GPtrArray *
read_missed_lines (GstVocrEngine * engine, const GstVideoFrame * frame,
    const guint8 * luma, gint stride, gint x0, gint y0, gint x1, gint y1,
    GPtrArray * lines, gdouble min_confidence, gint64 deadline,
    GCancellable * cancellable, GError ** error)
{
  BOXA *rows = gst_vocr_find_text_lines (luma + (gsize) y0 * stride + x0,
      stride, x1 - x0, y1 - y0);
  gint i, n = boxaGetCount (rows);

  for (i = 0; i < n && lines; i++) {
    BOX *row = boxaGetBox (rows, i, L_CLONE);
    GPtrArray *found;
    guint j;

    for (j = 0; j < lines->len; j++) {
      const GstVocrLine *line = g_ptr_array_index (lines, j);

      if (line->confidence >= SECOND_OPINION_BELOW
          && line_overlaps (line, row, x0, y0))
        break;
    }
    if (j == lines->len) {
      found = read_region (engine, frame, luma, stride, x0 + row->x,
          y0 + row->y, x0 + row->x + row->w, y0 + row->y + row->h,
          min_confidence, deadline, cancellable, error);
      if (found == NULL) {
        g_clear_pointer (&lines, g_ptr_array_unref);
      } else {
        for (j = lines->len; found->len > 0 && j > 0; j--) {
          const GstVocrLine *line = g_ptr_array_index (lines, j - 1);

          if (line->confidence < SECOND_OPINION_BELOW
              && line_overlaps (line, row, x0, y0))
            g_ptr_array_remove_index (lines, j - 1);
        }
        g_ptr_array_extend_and_steal (lines, found);
      }
    }
    boxDestroy (&row);
  }
  boxaDestroy (&rows);
  return lines;
}

/* A gap between two words of a line this many times the line's height or
 * wider parts two texts: Tesseract joins lines of two columns that line up
 * (a code editor's file list and its code: "EXPLORER import falsify"; its
 * status bar's "Ln 137, Col 69" and "UTF-8 LF Python", 3.5 heights apart).
 * Words are a third to half a height apart, a justified line's up to two. */
#define COLUMN_GAP 3

/* Splits the level lines of @lines at their wide gaps (COLUMN_GAP). */
static void
split_columns (GPtrArray * lines)
{
  guint i, k;

  for (i = 0; i < lines->len; i++) {
    GstVocrLine *line = g_ptr_array_index (lines, i);
    GstVocrLine *head, *tail;
    guint n = line->words->len;

    /* a turned line's gaps run down the frame */
    if (fmod (line->angle, 180.0) != 0.0)
      continue;
    for (k = 1; k < n; k++) {
      const GstVocrWord *a = g_ptr_array_index (line->words, k - 1);
      const GstVocrWord *b = g_ptr_array_index (line->words, k);

      /* either way: a line written right to left has its words so */
      if (MAX (b->x - (a->x + a->width), a->x - (b->x + b->width)) >=
          COLUMN_GAP * line->height)
        break;
    }
    if (k == n)
      continue;
    head = gst_vocr_line_copy (line);
    tail = gst_vocr_line_copy (line);
    if (gst_vocr_line_trim_words (head, 0, n - k)
        && gst_vocr_line_trim_words (tail, k, 0)) {
      /* the tail is looked at next, for a gap of its own */
      g_ptr_array_index (lines, i) = head;
      gst_vocr_line_free (line);
      g_ptr_array_insert (lines, i + 1, tail);
    } else {
      gst_vocr_line_free (head);
      gst_vocr_line_free (tail);
    }
  }
}

/* Reads, each as a single line, the rows of large characters @rows (in
 * the frame), but those one sure line of @lines already reads along three
 * quarters of their length: a row is shapes of one height evenly spaced,
 * one line of text, and the layout analysis of a region can read a part
 * of it ("520" of "520 MRK"), misread it ("IRK"), or part it into lines
 * (the other scripts then read "MRK" alone, as Russian "МВК"). A row's
 * reading replaces the lines it overlaps when it reads more, and more
 * surely (reading_score()). */
static GPtrArray *
read_large_rows (GstVocrEngine * engine, const GstVideoFrame * frame,
    const guint8 * luma, gint stride, BOXA * rows, GPtrArray * lines,
    gdouble min_confidence, gint64 deadline, guint * n_read,
    GCancellable * cancellable, GError ** error)
{
  TessPageSegMode mode = TessBaseAPIGetPageSegMode (engine->api);
  gint i, n = boxaGetCount (rows);

  TessBaseAPISetPageSegMode (engine->api, PSM_SINGLE_LINE);
  for (i = 0; i < n && lines; i++) {
    BOX *row = boxaGetBox (rows, i, L_CLONE);
    const GstVocrLine *there = NULL;
    gdouble score_there = 0.0;
    guint j, n_there = 0;
    GPtrArray *found;

    for (j = 0; j < lines->len; j++) {
      const GstVocrLine *line = g_ptr_array_index (lines, j);

      if (line_overlaps (line, row, 0, 0)) {
        there = line;
        n_there++;
        score_there += line_score (line);
      }
    }
    if (n_there != 1 || there->confidence < SECOND_OPINION_BELOW
        || 4 * (MIN (there->x + there->width, row->x + row->w)
            - MAX (there->x, row->x)) < 3 * row->w) {
      (*n_read)++;
      found = read_region (engine, frame, luma, stride, row->x, row->y,
          row->x + row->w, row->y + row->h, min_confidence, deadline,
          cancellable, error);
      if (found == NULL) {
        g_clear_pointer (&lines, g_ptr_array_unref);
      } else if (reading_score (found) > score_there) {
        for (j = lines->len; j > 0; j--) {
          if (line_overlaps (g_ptr_array_index (lines, j - 1), row, 0, 0))
            g_ptr_array_remove_index (lines, j - 1);
        }
        g_ptr_array_extend_and_steal (lines, found);
      } else {
        g_ptr_array_unref (found);
      }
    }
    boxDestroy (&row);
  }
  TessBaseAPISetPageSegMode (engine->api, mode);
  return lines;
}

/* A row of large characters is found by its shapes alone, and a plate's
 * characters are in no dictionary: misreadings of a turned plate ("W 8684
 * NB" as "wy 3084 we") score 0.5 to 0.65, most right readings 0.7 and
 * more. */
#define LARGE_TEXT_MIN_CONFIDENCE 0.7

/**
 * gst_vocr_engine_read_large_text:
 * @engine: a #GstVocrEngine
 * @frame: a frame mapped for reading, as for gst_vocr_engine_recognize()
 * @roi: (nullable): the part of the frame to look in, or %NULL for all of
 *   it; clipped to the frame
 * @lines: (element-type GstVocrLine): the lines already read in @frame;
 *   the large text's lines are added to them
 * @min_confidence: lines read with less confidence (0 to 1) are dropped
 * @n_read: (out): how many rows were read
 * @cancellable: (nullable): cancels a recognition in progress
 * @error: return location for a #GST_VOCR_ENGINE_ERROR
 *
 * Reads, each as a single line, the rows of large characters in @frame
 * (a licence plate's or a sign's, whose thick strokes do not look like
 * text to a search for small text, and which Tesseract's layout analysis
 * drops as pictures) but those one sure line of @lines already reads
 * along three quarters of their length. A row's reading is taken when it
 * is sure, and replaces the lines of @lines it overlaps when it reads
 * more characters, more surely.
 *
 * Returns: %TRUE, or %FALSE with @error set (@lines then holds what was
 *   read before the error)
 */
gboolean
gst_vocr_engine_read_large_text (GstVocrEngine * engine,
    const GstVideoFrame * frame, const GstVideoRectangle * roi,
    GPtrArray * lines, gdouble min_confidence, guint * n_read,
    GCancellable * cancellable, GError ** error)
{
  gint x0, y0, x1, y1, stride;
  const guint8 *luma;
  gint64 deadline;
  BOXA *found, *rows;
  GPtrArray *read;

  g_return_val_if_fail (engine != NULL, FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);
  g_return_val_if_fail (lines != NULL, FALSE);
  g_return_val_if_fail (n_read != NULL, FALSE);

  *n_read = 0;
  gst_vocr_frame_clip (frame, roi, &x0, &y0, &x1, &y1);
  luma = gst_vocr_frame_luma (frame, &engine->gray, &stride);
  found = gst_vocr_find_large_text_lines (luma + (gsize) y0 * stride + x0,
      stride, x1 - x0, y1 - y0);
  /* in the frame's pixels */
  rows = boxaTransform (found, x0, y0, 1.0f, 1.0f);
  boxaDestroy (&found);
  if (rows == NULL || boxaGetCount (rows) == 0) {
    boxaDestroy (&rows);
    return TRUE;
  }
  limit_openmp_to_calling_thread ();
  deadline = engine->time_limit_ms ? g_get_monotonic_time () +
      (gint64) engine->time_limit_ms * 1000 : G_MAXINT64;
  read = read_large_rows (engine, frame, luma, stride, rows,
      g_ptr_array_ref (lines), MAX (min_confidence, LARGE_TEXT_MIN_CONFIDENCE),
      deadline, n_read, cancellable, error);
  boxaDestroy (&rows);
  if (read == NULL)
    return FALSE;
  g_ptr_array_unref (read);
  return TRUE;
}

/**
 * gst_vocr_engine_recognize:
 * @engine: a #GstVocrEngine
 * @frame: a frame mapped for reading, in GRAY8, planar or semi-planar YUV,
 *   or packed RGB
 * @roi: (nullable): the part of the frame to read, or %NULL for all of it;
 *   clipped to the frame
 * @mode: how to find the text
 * @min_confidence: lines read with less confidence (0 to 1) are dropped
 * @cancellable: (nullable): cancels a recognition in progress
 * @error: return location for a #GST_VOCR_ENGINE_ERROR
 *
 * Reads the text in @frame. Boxes are in the frame's pixel coordinates.
 *
 * Returns: (transfer container) (element-type GstVocrLine) (nullable): the
 *   lines in reading order, or %NULL with @error set
 */
GPtrArray *
gst_vocr_engine_recognize (GstVocrEngine * engine, const GstVideoFrame * frame,
    const GstVideoRectangle * roi, GstVocrPageSegmentation mode,
    gdouble min_confidence, GCancellable * cancellable, GError ** error)
{
  gint x0, y0, x1, y1, stride;
  const guint8 *luma;
  gint64 deadline;
  GPtrArray *lines;

  g_return_val_if_fail (engine != NULL, NULL);
  g_return_val_if_fail (frame != NULL, NULL);

  gst_vocr_frame_clip (frame, roi, &x0, &y0, &x1, &y1);
  /* Tesseract cannot read what is smaller than a glyph; it would only
   * complain about the image size. */
  if (x1 - x0 < 3 || y1 - y0 < 3)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) gst_vocr_line_free);

  limit_openmp_to_calling_thread ();
  luma = gst_vocr_frame_luma (frame, &engine->gray, &stride);
  TessBaseAPISetPageSegMode (engine->api, (TessPageSegMode) mode);
  deadline = engine->time_limit_ms ? g_get_monotonic_time () +
      (gint64) engine->time_limit_ms * 1000 : G_MAXINT64;

  lines = read_region (engine, frame, luma, stride, x0, y0, x1, y1,
      min_confidence, deadline, cancellable, error);
  /* only where the reading is unsure: rows found where Tesseract read
   * surely (slides, a code editor's small text) only read it again */
  if (lines && (lines->len == 0
          || mean_confidence (lines) < SECOND_OPINION_BELOW)
      && (gint64) (x1 - x0) * (y1 - y0) * LARGE_REGION_SHARE >=
      (gint64) GST_VIDEO_FRAME_WIDTH (frame) * GST_VIDEO_FRAME_HEIGHT (frame))
    lines = read_missed_lines (engine, frame, luma, stride, x0, y0, x1, y1,
        lines, min_confidence, deadline, cancellable, error);
  if (lines)
    split_columns (lines);
  return lines;
}
