/* gst-vocr: unit tests of the result types, the text meta, the language
 * mapping and the engine's checks
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gst/check/gstcheck.h>
#include <gst/video/video.h>
#include "vocr.h"

static GstVocrLine *
make_line (const gchar * text, gint x, gint y, gint w, gint h)
{
  GstVocrLine *line = gst_vocr_line_new (text, 0.9, x, y, w, h, 0.0, "en-US");

  gst_vocr_line_add_word (line, gst_vocr_word_new ("word", 0.8, x, y, w / 2,
          h));
  return line;
}

GST_START_TEST (test_line_accessors_and_copy)
{
  GstVocrLine *line = make_line ("Hello world", 10, 20, 300, 40), *copy;
  const GstVocrWord *word;
  gint x, y, w, h;

  fail_unless_equals_string (gst_vocr_line_get_text (line), "Hello world");
  fail_unless_equals_float (gst_vocr_line_get_confidence (line), 0.9);
  fail_unless_equals_string (gst_vocr_line_get_language (line), "en-US");
  gst_vocr_line_get_box (line, &x, &y, &w, &h);
  fail_unless (x == 10 && y == 20 && w == 300 && h == 40);
  fail_unless_equals_int (gst_vocr_line_get_n_words (line), 1);
  fail_unless (gst_vocr_line_get_word (line, 1) == NULL);

  copy = gst_vocr_line_copy (line);
  fail_unless (copy->text != line->text);
  fail_unless_equals_string (copy->text, "Hello world");
  word = gst_vocr_line_get_word (copy, 0);
  fail_unless (word != gst_vocr_line_get_word (line, 0));
  fail_unless_equals_string (gst_vocr_word_get_text (word), "word");
  gst_vocr_word_get_box (word, &x, NULL, &w, NULL);
  fail_unless (x == 10 && w == 150);

  /* a line without language is "und", not NULL */
  gst_vocr_line_free (copy);
  copy = gst_vocr_line_new (NULL, 0.5, 0, 0, 1, 1, 90.0, NULL);
  fail_unless_equals_string (copy->text, "");
  fail_unless_equals_string (copy->language, "und");
  fail_unless_equals_float (gst_vocr_line_get_angle (copy), 90.0);

  gst_vocr_line_free (copy);
  gst_vocr_line_free (line);
}

GST_END_TEST;

GST_START_TEST (test_line_scale_keeps_edges)
{
  GstVocrLine *line = make_line ("abc", 11, 21, 101, 33);
  GstVocrLine *scaled = gst_vocr_line_scale (line, 0.5, 2.0);
  const GstVocrWord *word = gst_vocr_line_get_word (scaled, 0);

  /* edges are scaled and rounded, sizes follow from them */
  fail_unless_equals_int (scaled->x, 6);        /* 5.5 */
  fail_unless_equals_int (scaled->x + scaled->width, 56);       /* 56 */
  fail_unless_equals_int (scaled->y, 42);
  fail_unless_equals_int (scaled->height, 66);
  fail_unless_equals_int (word->width, 25);     /* 33 - 5.5 */
  fail_unless_equals_string (scaled->text, "abc");

  gst_vocr_line_free (scaled);
  gst_vocr_line_free (line);
}

GST_END_TEST;

/* A line whose words are given as "text confidence x width" quads. */
static GstVocrLine *
line_of_words (const gchar * text, const gchar * words)
{
  GstVocrLine *line = gst_vocr_line_new (text, 0.5, 0, 0, 200, 10, 0.0,
      "en-US");
  gchar **parts = g_strsplit (words, " ", -1);
  guint i;

  for (i = 0; parts[i]; i += 4)
    gst_vocr_line_add_word (line, gst_vocr_word_new (parts[i],
            g_ascii_strtod (parts[i + 1], NULL), atoi (parts[i + 2]), 0,
            atoi (parts[i + 3]), 10));
  g_strfreev (parts);
  return line;
}

GST_START_TEST (test_line_trim_words)
{
  GstVocrLine *line;
  gint x, y, w, h;

  line = line_of_words ("rbour lights tonight pr", "rbour 0.9 0 50 "
      "lights 0.8 60 50 tonight 0.7 120 70 pr 0.96 200 20");
  fail_unless (gst_vocr_line_trim_words (line, 1, 1));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "lights tonight");
  fail_unless_equals_int (gst_vocr_line_get_n_words (line), 2);
  gst_vocr_line_get_box (line, &x, &y, &w, &h);
  fail_unless (x == 60 && w == 130 && y == 0 && h == 10);
  fail_unless (fabs (gst_vocr_line_get_confidence (line) - 0.75) < 1e-9);

  /* one end only; nothing to drop */
  fail_unless (gst_vocr_line_trim_words (line, 0, 1));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "lights");
  fail_if (gst_vocr_line_trim_words (line, 0, 0));

  /* no word would be left */
  fail_if (gst_vocr_line_trim_words (line, 1, 0));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "lights");
  gst_vocr_line_free (line);

  /* the words are not at the text's ends */
  line = line_of_words ("B A", "A 0.9 0 10 B 0.9 20 10");
  fail_if (gst_vocr_line_trim_words (line, 1, 0));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "B A");
  fail_unless_equals_int (gst_vocr_line_get_n_words (line), 2);
  gst_vocr_line_free (line);
}

GST_END_TEST;

GST_START_TEST (test_line_trim_unsure_symbols)
{
  GstVocrLine *line;
  gint x, y, w, h;

  /* a plate's frame before, a speck after: both go */
  line = line_of_words ("_-® U 3221 UN .", "_-® 0.0 0 20 U 0.92 30 10 "
      "3221 0.92 50 40 UN 0.95 100 20 . 0.44 125 3");
  fail_unless (gst_vocr_line_trim_unsure_symbols (line, 0.8));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "U 3221 UN");
  fail_unless_equals_int (gst_vocr_line_get_n_words (line), 3);
  fail_unless_equals_string (gst_vocr_word_get_text (gst_vocr_line_get_word
          (line, 0)), "U");
  gst_vocr_line_get_box (line, &x, &y, &w, &h);
  fail_unless (x == 30 && w == 90 && y == 0 && h == 10);
  fail_unless (fabs (gst_vocr_line_get_confidence (line) - 0.93) < 1e-9);
  gst_vocr_line_free (line);

  /* sure symbols are text; unsure ones between words stay */
  line = line_of_words ("- Score - 10", "- 0.95 0 5 Score 0.9 10 50 "
      "- 0.3 70 5 10 0.9 80 20");
  fail_if (gst_vocr_line_trim_unsure_symbols (line, 0.8));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "- Score - 10");
  fail_unless_equals_int (gst_vocr_line_get_n_words (line), 4);
  fail_unless_equals_float (gst_vocr_line_get_confidence (line), 0.5);
  gst_vocr_line_free (line);

  /* nothing would be left */
  line = line_of_words ("|| .", "|| 0.2 0 5 . 0.1 10 3");
  fail_if (gst_vocr_line_trim_unsure_symbols (line, 0.8));
  fail_unless_equals_string (gst_vocr_line_get_text (line), "|| .");
  gst_vocr_line_free (line);

  /* words not at the ends of the text, in order (right to left) */
  line = line_of_words ("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 .",
      ". 0.3 0 3 \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 0.9 10 60");
  fail_if (gst_vocr_line_trim_unsure_symbols (line, 0.8));
  fail_unless_equals_int (gst_vocr_line_get_n_words (line), 2);
  gst_vocr_line_free (line);
}

GST_END_TEST;

GST_START_TEST (test_meta_add_get)
{
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, 16, NULL);
  GstVocrTextMeta *meta;

  fail_unless (gst_buffer_get_vocr_text_meta (buffer) == NULL);
  meta = gst_buffer_add_vocr_text_meta (buffer, 5 * GST_SECOND);
  fail_unless (gst_vocr_text_meta_get_changes (meta) == NULL);
  gst_vocr_text_meta_add_line (meta, make_line ("one", 1, 2, 3, 4));
  gst_vocr_text_meta_add_line (meta, make_line ("two", 5, 6, 7, 8));

  meta = gst_buffer_get_vocr_text_meta (buffer);
  fail_unless (meta != NULL);
  fail_unless_equals_uint64 (gst_vocr_text_meta_get_timestamp (meta),
      5 * GST_SECOND);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (meta), 2);
  fail_unless_equals_string (gst_vocr_text_meta_get_line (meta, 1)->text,
      "two");
  fail_unless (gst_vocr_text_meta_get_line (meta, 2) == NULL);
  fail_unless (gst_meta_api_type_has_tag (GST_VOCR_TEXT_META_API_TYPE,
          g_quark_from_string (GST_META_TAG_VIDEO_SIZE_STR)));

  gst_buffer_unref (buffer);
}

GST_END_TEST;

GST_START_TEST (test_meta_copy)
{
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, 16, NULL), *copy, *part;
  GstVocrTextMeta *meta, *cmeta;
  GstVocrChange change = { 16, 32, 64, 16, GST_SECOND / 2, FALSE };
  GArray *changes;

  meta = gst_buffer_add_vocr_text_meta (buffer, GST_SECOND);
  gst_vocr_text_meta_add_line (meta, make_line ("copied", 1, 2, 3, 4));
  meta->changes = g_array_new (FALSE, FALSE, sizeof (GstVocrChange));
  g_array_append_val (meta->changes, change);

  copy = gst_buffer_copy (buffer);
  cmeta = gst_buffer_get_vocr_text_meta (copy);
  fail_unless (cmeta != NULL && cmeta != meta);
  fail_unless_equals_uint64 (cmeta->timestamp, GST_SECOND);
  fail_unless_equals_int (gst_vocr_text_meta_get_n_lines (cmeta), 1);
  /* a deep copy: the original can go */
  fail_unless (gst_vocr_text_meta_get_line (cmeta, 0) !=
      gst_vocr_text_meta_get_line (meta, 0));
  gst_buffer_unref (buffer);
  fail_unless_equals_string (gst_vocr_text_meta_get_line (cmeta, 0)->text,
      "copied");
  changes = gst_vocr_text_meta_get_changes (cmeta);
  fail_unless (changes != NULL && changes->len == 1);
  fail_unless_equals_int (g_array_index (changes, GstVocrChange, 0).width,
      64);
  fail_unless_equals_uint64 (g_array_index (changes, GstVocrChange,
          0).timestamp, GST_SECOND / 2);

  /* part of a frame is not the frame the boxes refer to */
  part = gst_buffer_copy_region (copy, GST_BUFFER_COPY_ALL, 0, 8);
  fail_unless (gst_buffer_get_vocr_text_meta (part) == NULL);

  gst_buffer_unref (part);
  gst_buffer_unref (copy);
}

GST_END_TEST;

static gboolean
transform_meta (GstBuffer * dest, GstVocrTextMeta * meta, GstBuffer * src,
    GQuark type, gpointer data)
{
  const GstMetaInfo *info = GST_VOCR_TEXT_META_INFO;

  return info->transform_func (dest, (GstMeta *) meta, src, type, data);
}

GST_START_TEST (test_meta_scale_and_other_transforms)
{
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, 16, NULL);
  GstBuffer *dest = gst_buffer_new_allocate (NULL, 16, NULL);
  GstVideoInfo in_info, out_info;
  GstVideoMetaTransform trans = { &in_info, &out_info };
  GstVocrTextMeta *meta, *smeta;
  const GstVocrLine *line;
  GstVocrChange change = { 96, 32, 300, 40, 0, TRUE }, *scaled;

  gst_video_info_set_format (&in_info, GST_VIDEO_FORMAT_I420, 1280, 720);
  gst_video_info_set_format (&out_info, GST_VIDEO_FORMAT_I420, 640, 360);
  meta = gst_buffer_add_vocr_text_meta (buffer, 0);
  gst_vocr_text_meta_add_line (meta, make_line ("scaled", 100, 200, 300, 40));
  meta->changes = g_array_new (FALSE, FALSE, sizeof (GstVocrChange));
  g_array_append_val (meta->changes, change);

  fail_unless (transform_meta (dest, meta, buffer,
          gst_video_meta_transform_scale_get_quark (), &trans));
  smeta = gst_buffer_get_vocr_text_meta (dest);
  fail_unless (smeta != NULL);
  line = gst_vocr_text_meta_get_line (smeta, 0);
  fail_unless_equals_int (line->x, 50);
  fail_unless_equals_int (line->y, 100);
  fail_unless_equals_int (line->width, 150);
  fail_unless_equals_int (line->height, 20);
  fail_unless_equals_int (gst_vocr_line_get_word (line, 0)->width, 75);
  fail_unless_equals_string (line->text, "scaled");
  /* the changes' places with the lines' */
  scaled = &g_array_index (gst_vocr_text_meta_get_changes (smeta),
      GstVocrChange, 0);
  fail_unless_equals_int (scaled->x, 48);
  fail_unless_equals_int (scaled->y, 16);
  fail_unless_equals_int (scaled->width, 150);
  fail_unless_equals_int (scaled->height, 20);
  fail_unless (scaled->moving);

  /* unknown transforms drop the meta rather than keep wrong boxes */
  gst_buffer_unref (dest);
  dest = gst_buffer_new_allocate (NULL, 16, NULL);
  fail_if (transform_meta (dest, meta, buffer,
          g_quark_from_static_string ("gst-video-rotate"), NULL));
  fail_unless (gst_buffer_get_vocr_text_meta (dest) == NULL);

  gst_buffer_unref (dest);
  gst_buffer_unref (buffer);
}

GST_END_TEST;

GST_START_TEST (test_language_to_bcp47)
{
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("eng"), "en-US");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("deu"), "de-DE");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("rus"), "ru-RU");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("ara"), "ar-SA");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("chi_sim"),
      "zh-Hans");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("chi_tra_vert"),
      "zh-Hant");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("jpn"), "ja-JP");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("script/Latin"),
      "und-Latn");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("script/HanS_vert"),
      "und-Hans");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("script/Nope"),
      "und");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 ("xyz"), "und");
  fail_unless_equals_string (gst_vocr_language_to_bcp47 (NULL), "und");
}

GST_END_TEST;

GST_START_TEST (test_language_script)
{
  fail_unless_equals_string (gst_vocr_language_script ("eng"), "Latn");
  fail_unless_equals_string (gst_vocr_language_script ("deu"), "Latn");
  fail_unless_equals_string (gst_vocr_language_script ("rus"), "Cyrl");
  fail_unless_equals_string (gst_vocr_language_script ("aze_cyrl"), "Cyrl");
  fail_unless_equals_string (gst_vocr_language_script ("ara"), "Arab");
  fail_unless_equals_string (gst_vocr_language_script ("chi_sim_vert"),
      "Hans");
  fail_unless (gst_vocr_language_script ("script/Latin") == NULL);
  fail_unless (gst_vocr_language_script ("osd") == NULL);
  fail_unless (gst_vocr_language_script ("xyz") == NULL);
  fail_unless (gst_vocr_language_script (NULL) == NULL);
}

GST_END_TEST;

GST_START_TEST (test_language_debian_package)
{
  const gchar *cases[][2] = {
    {"deu", "tesseract-ocr-deu"},
    {"chi_sim", "tesseract-ocr-chi-sim"},
    {"chi_tra_vert", "tesseract-ocr-chi-tra-vert"},
    {"script/Latin", "tesseract-ocr-script-latn"},
    {"script/Cyrillic", "tesseract-ocr-script-cyrl"},
    {"script/Hangul", "tesseract-ocr-script-hang"},
    {"script/HanS_vert", "tesseract-ocr-script-hans-vert"},
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++) {
    gchar *package = gst_vocr_language_debian_package (cases[i][0]);

    fail_unless_equals_string (package, cases[i][1]);
    g_free (package);
  }
}

GST_END_TEST;

GST_START_TEST (test_parse_roi)
{
  const gchar *bad[] = { "1,2,3", "1,2,3,4,5", "a,b,c,d", "-1,0,10,10",
    "0,0,0,10", "0,0,10,0", "1,2,3,4x", ",,,", "0,0,99999999999,1", " , , , "
  };
  GstVideoRectangle roi;
  gboolean has;
  guint i;

  fail_unless (gst_vocr_parse_roi (NULL, &roi, &has) && !has);
  fail_unless (gst_vocr_parse_roi (" \t", &roi, &has) && !has);
  fail_unless (gst_vocr_parse_roi (" 10, 20 ,300,40 ", &roi, &has) && has);
  fail_unless (roi.x == 10 && roi.y == 20 && roi.w == 300 && roi.h == 40);
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    fail_if (gst_vocr_parse_roi (bad[i], &roi, &has), "%s", bad[i]);
}

GST_END_TEST;

GST_START_TEST (test_engine_rejects_bad_language_strings)
{
  const gchar *bad[] = { "", "eng+", "+eng", "eng++deu", "e ng", "../eng",
    "eng;deu", "script/", "/eng", "eng/"
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++) {
    GError *error = NULL;

    fail_if (gst_vocr_engine_check_languages (NULL, bad[i], &error), "%s",
        bad[i]);
    fail_unless (g_error_matches (error, GST_VOCR_ENGINE_ERROR,
            GST_VOCR_ENGINE_ERROR_INVALID_LANGUAGES), "%s", bad[i]);
    g_error_free (error);
  }
  fail_if (gst_vocr_engine_check_languages (NULL, NULL, NULL));
}

GST_END_TEST;

GST_START_TEST (test_engine_missing_language_message)
{
  gchar *dir = g_dir_make_tmp ("vocr-tessdata-XXXXXX", NULL);
  gchar *fake = g_build_filename (dir, "fra.traineddata", NULL);
  GError *error = NULL;

  fail_unless (dir != NULL);
  /* an empty directory: nothing installed */
  fail_if (gst_vocr_engine_check_languages (dir, "eng+chi_sim", &error));
  fail_unless (g_error_matches (error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_LANGUAGE_MISSING));
  fail_unless (strstr (error->message, "eng.traineddata") != NULL,
      "%s", error->message);
  fail_unless (strstr (error->message, dir) != NULL, "%s", error->message);
  fail_unless (strstr (error->message, "installed: none") != NULL,
      "%s", error->message);
  fail_unless (strstr (error->message, "apt install tesseract-ocr-eng"),
      "%s", error->message);
  g_clear_error (&error);

  /* the message lists what is there, and names the second language */
  fail_unless (g_file_set_contents (fake, "x", 1, NULL));
  fail_if (gst_vocr_engine_check_languages (dir, "fra+chi_sim", &error));
  fail_unless (strstr (error->message, "chi_sim.traineddata") != NULL,
      "%s", error->message);
  fail_unless (strstr (error->message, "installed: fra") != NULL,
      "%s", error->message);
  fail_unless (strstr (error->message, "tesseract-ocr-chi-sim") != NULL,
      "%s", error->message);
  g_clear_error (&error);

  /* a model file that is not one fails when loading, not with a crash */
  fail_unless (gst_vocr_engine_new (dir, "fra", &error) == NULL);
  fail_unless (g_error_matches (error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_INIT), "%s", error->message);
  g_clear_error (&error);

  g_unlink (fake);
  g_rmdir (dir);
  fail_if (gst_vocr_engine_check_languages (dir, "eng", &error));
  fail_unless (g_error_matches (error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_TESSDATA_DIR));
  fail_unless (strstr (error->message, dir) != NULL, "%s", error->message);
  g_clear_error (&error);

  g_free (fake);
  g_free (dir);
}

GST_END_TEST;

/* Renders @text with textoverlay into one frame of @format. */
static GstBuffer *
render_frame (const gchar * format, const gchar * text, GstVideoInfo * info)
{
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=1 pattern=black ! "
      "video/x-raw,width=640,height=240 ! textoverlay text=\"%s\" "
      "font-desc=\"Sans 28\" valignment=top ! videoconvert ! "
      "video/x-raw,format=%s ! fakesink name=sink signal-handoffs=true "
      "enable-last-sample=true", text, format);
  GstElement *pipeline = gst_parse_launch (desc, NULL), *sink;
  GstSample *sample;
  GstBuffer *buffer;
  GstMessage *msg;

  fail_unless (pipeline != NULL);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (GST_ELEMENT_BUS (pipeline),
      GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless_equals_int (GST_MESSAGE_TYPE (msg), GST_MESSAGE_EOS);
  gst_message_unref (msg);
  g_object_get (sink, "last-sample", &sample, NULL);
  fail_unless (sample != NULL);
  gst_video_info_from_caps (info, gst_sample_get_caps (sample));
  buffer = gst_buffer_ref (gst_sample_get_buffer (sample));
  gst_sample_unref (sample);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipeline);
  g_free (desc);
  return buffer;
}

static GPtrArray *
recognize (GstVocrEngine * engine, GstBuffer * buffer, GstVideoInfo * info,
    const GstVideoRectangle * roi)
{
  GstVideoFrame frame;
  GError *error = NULL;
  GPtrArray *lines;

  fail_unless (gst_video_frame_map (&frame, info, buffer, GST_MAP_READ));
  lines = gst_vocr_engine_recognize (engine, &frame, roi,
      GST_VOCR_PAGE_SEGMENTATION_SPARSE_TEXT, 0.0, NULL, &error);
  gst_video_frame_unmap (&frame);
  fail_unless (lines != NULL, "%s", error ? error->message : "");
  return lines;
}

GST_START_TEST (test_engine_reads_gray_yuv_and_rgb_alike)
{
  const gchar *formats[] = { "GRAY8", "I420", "NV21", "BGRx", "RGB" };
  GstVocrEngine *engine;
  GError *error = NULL;
  guint i;

  engine = gst_vocr_engine_new (NULL, "eng", &error);
  fail_unless (engine != NULL, "%s", error ? error->message : "");

  for (i = 0; i < G_N_ELEMENTS (formats); i++) {
    GstVideoInfo info;
    GstBuffer *buffer = render_frame (formats[i], "Seven Ocean 2024", &info);
    GPtrArray *lines = recognize (engine, buffer, &info, NULL);
    GstVocrLine *line;

    fail_unless (lines->len == 1, "%s: %u lines", formats[i], lines->len);
    line = g_ptr_array_index (lines, 0);
    fail_unless_equals_string (line->text, "Seven Ocean 2024");
    fail_unless_equals_string (line->language, "en-US");
    fail_unless_equals_int (line->words->len, 3);
    fail_unless (line->confidence > 0.5 && line->confidence <= 1.0);
    /* valignment=top: the line sits in the upper part of the frame */
    fail_unless (line->y >= 0 && line->y + line->height < 120, "%d+%d",
        line->y, line->height);
    g_ptr_array_unref (lines);
    gst_buffer_unref (buffer);
  }
  gst_vocr_engine_free (engine);
}

GST_END_TEST;

GST_START_TEST (test_engine_roi)
{
  GstVideoInfo info;
  GstBuffer *buffer = render_frame ("GRAY8", "Seven Ocean 2024", &info);
  GstVideoRectangle below = { 0, 150, 640, 90 }, outside = { 700, 0, 50, 50 };
  GstVideoRectangle around = { 100, 0, 500, 100 };
  GstVocrEngine *engine = gst_vocr_engine_new (NULL, "eng", NULL);
  GPtrArray *lines, *all;
  GstVocrLine *line, *full;

  lines = recognize (engine, buffer, &info, &below);
  fail_unless_equals_int (lines->len, 0);
  g_ptr_array_unref (lines);
  lines = recognize (engine, buffer, &info, &outside);
  fail_unless_equals_int (lines->len, 0);
  g_ptr_array_unref (lines);

  /* inside a region, boxes stay in frame coordinates */
  all = recognize (engine, buffer, &info, NULL);
  lines = recognize (engine, buffer, &info, &around);
  fail_unless_equals_int (lines->len, 1);
  line = g_ptr_array_index (lines, 0);
  full = g_ptr_array_index (all, 0);
  fail_unless_equals_string (line->text, full->text);
  fail_unless (ABS (line->x - full->x) <= 2 && ABS (line->y - full->y) <= 2,
      "%d,%d vs %d,%d", line->x, line->y, full->x, full->y);

  g_ptr_array_unref (lines);
  g_ptr_array_unref (all);
  gst_vocr_engine_free (engine);
  gst_buffer_unref (buffer);
}

GST_END_TEST;

GST_START_TEST (test_engine_cancel)
{
  GstVideoInfo info;
  GstBuffer *buffer = render_frame ("GRAY8", "Seven Ocean 2024", &info);
  GstVocrEngine *engine = gst_vocr_engine_new (NULL, "eng", NULL);
  GCancellable *cancellable = g_cancellable_new ();
  GstVideoFrame frame;
  GError *error = NULL;

  g_cancellable_cancel (cancellable);
  fail_unless (gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ));
  fail_unless (gst_vocr_engine_recognize (engine, &frame, NULL,
          GST_VOCR_PAGE_SEGMENTATION_AUTO, 0.0, cancellable, &error) == NULL);
  fail_unless (g_error_matches (error, GST_VOCR_ENGINE_ERROR,
          GST_VOCR_ENGINE_ERROR_CANCELLED));
  gst_video_frame_unmap (&frame);

  g_error_free (error);
  g_object_unref (cancellable);
  gst_vocr_engine_free (engine);
  gst_buffer_unref (buffer);
}

GST_END_TEST;

static Suite *
textmeta_suite (void)
{
  Suite *s = suite_create ("textmeta");
  TCase *tc = tcase_create ("general");

  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_line_accessors_and_copy);
  tcase_add_test (tc, test_line_scale_keeps_edges);
  tcase_add_test (tc, test_line_trim_words);
  tcase_add_test (tc, test_line_trim_unsure_symbols);
  tcase_add_test (tc, test_meta_add_get);
  tcase_add_test (tc, test_meta_copy);
  tcase_add_test (tc, test_meta_scale_and_other_transforms);
  tcase_add_test (tc, test_language_to_bcp47);
  tcase_add_test (tc, test_language_script);
  tcase_add_test (tc, test_language_debian_package);
  tcase_add_test (tc, test_parse_roi);
  tcase_add_test (tc, test_engine_rejects_bad_language_strings);
  tcase_add_test (tc, test_engine_missing_language_message);
  tcase_add_test (tc, test_engine_reads_gray_yuv_and_rgb_alike);
  tcase_add_test (tc, test_engine_roi);
  tcase_add_test (tc, test_engine_cancel);
  return s;
}

GST_CHECK_MAIN (textmeta);
