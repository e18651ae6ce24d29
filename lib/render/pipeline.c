/*
 * pipeline.c - check's findings where pipelines look (roadmap(1), check):
 * SARIF 2.1.0 for code scanning (cJSON) and JUnit XML for test reports
 * (libxml2's xmlTextWriter, so no roadmap text can become markup). The rules
 * and their help come from the man page (analysis/rules.c, which
 * analysis/gen-rules.py makes from docs/roadmap.1.scd at build time).
 */
#include "json.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *file_of(const struct roadmap_pipeline_options *o)
{
	return o && o->file ? o->file : "roadmap.json";
}

/*
 * s as valid XML 1.0 and JSON text: invalid UTF-8, control characters
 * other than tab, LF and CR, and U+FFFE/U+FFFF become U+FFFD. malloc'ed.
 */
static char *clean_text(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = malloc(n * 3 + 1);

	if (!out) {
		return NULL;
	}
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t k =
		    rm_utf8_seq((const unsigned char *)s + i, n - i, &cp);
		bool ok =
		    k > 0 &&
		    (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') &&
		    cp != 0xFFFE && cp != 0xFFFF;
		if (ok) {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		} else {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += k ? k : 1;
		}
	}
	out[o] = '\0';
	return out;
}

/* The roadmap's path as a relative URI reference (RFC 3986): unreserved
 * characters and '/' as they are, every other byte %-encoded. */
static char *uri_of(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), o = 0;
	char *out = malloc(n * 3 + 1);

	if (!out) {
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c)) {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return out;
}

static cJSON *clean_string(const char *s, bool *ok)
{
	char *t = clean_text(s);
	cJSON *v = t ? cJSON_CreateString(t) : NULL;

	free(t);
	if (!v) {
		*ok = false;
	}
	return v;
}

/* {"text": s} */
static cJSON *sarif_message(const char *s, bool *ok)
{
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "text", clean_string(s, ok), ok);
	return o;
}

static const char *sarif_level(enum roadmap_severity s)
{
	return s == ROADMAP_SEVERITY_ERROR     ? "error"
	       : s == ROADMAP_SEVERITY_WARNING ? "warning"
					       : "note";
}

static cJSON *sarif_rule(const struct roadmap_rule *r, bool *ok)
{
	cJSON *o = cJSON_CreateObject(), *conf = cJSON_CreateObject();
	size_t n = strlen(r->help) + strlen(r->about) + 8;
	char *help = malloc(n);

	if (help) {
		snprintf(help, n, "%s (%s)", r->help, r->about);
	}
	rm_json_add(o, "id", cJSON_CreateString(r->code), ok);
	rm_json_add(o, "shortDescription", sarif_message(r->summary, ok), ok);
	rm_json_add(o, "fullDescription", sarif_message(r->help, ok), ok);
	rm_json_add(o, "help", help ? sarif_message(help, ok) : NULL, ok);
	rm_json_add(conf, "level", cJSON_CreateString(sarif_level(r->severity)),
		    ok);
	rm_json_add(o, "defaultConfiguration", conf, ok);
	free(help);
	return o;
}

/* The index of code among the rules, or -1. */
static int rule_index(const struct roadmap_rule *rules, size_t n,
		      const char *code)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rules[i].code, code) == 0) {
			return (int)i;
		}
	}
	return -1;
}

static cJSON *sarif_result(const struct roadmap_finding *x, int rule,
			   const char *uri, bool *ok)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *loc = cJSON_CreateObject(), *phys = cJSON_CreateObject();
	cJSON *art = cJSON_CreateObject(), *region = cJSON_CreateObject();
	cJSON *locs = cJSON_CreateArray(), *fp = cJSON_CreateObject();
	cJSON *logical = cJSON_CreateArray(), *lname = cJSON_CreateObject();
	cJSON *props = cJSON_CreateObject();
	size_t n = strlen(x->subject) + strlen(x->message) + 3;
	char *text = malloc(n);

	if (text) {
		snprintf(text, n, "%s: %s", x->subject, x->message);
	}
	rm_json_add(o, "ruleId", cJSON_CreateString(x->code), ok);
	if (rule >= 0) {
		rm_json_add(o, "ruleIndex", cJSON_CreateNumber(rule), ok);
	}
	rm_json_add(o, "level", cJSON_CreateString(sarif_level(x->severity)),
		    ok);
	rm_json_add(o, "message", text ? sarif_message(text, ok) : NULL, ok);
	rm_json_add(art, "uri", cJSON_CreateString(uri), ok);
	rm_json_add(phys, "artifactLocation", art, ok);
	rm_json_add(region, "startLine",
		    cJSON_CreateNumber((double)(x->line > 0 ? x->line : 1)),
		    ok);
	rm_json_add(phys, "region", region, ok);
	rm_json_add(loc, "physicalLocation", phys, ok);
	rm_json_add(lname, "name", clean_string(x->subject, ok), ok);
	rm_json_push(logical, lname, ok);
	rm_json_add(loc, "logicalLocations", logical, ok);
	rm_json_push(locs, loc, ok);
	rm_json_add(o, "locations", locs, ok);
	rm_json_add(fp, "roadmapFinding/v1", cJSON_CreateString(x->fingerprint),
		    ok);
	rm_json_add(o, "partialFingerprints", fp, ok);
	if (x->baseline != ROADMAP_BASELINE_NONE) {
		rm_json_add(
		    o, "baselineState",
		    cJSON_CreateString(x->baseline == ROADMAP_BASELINE_UPDATED
					   ? "updated"
					   : "new"),
		    ok);
	}
	rm_json_add(props, "subject", clean_string(x->subject, ok), ok);
	rm_json_add(props, "related",
		    rm_json_const_list(x->related, x->n_related), ok);
	rm_json_add(o, "properties", props, ok);
	free(text);
	return o;
}

enum roadmap_status
roadmap_findings_sarif(const struct roadmap_findings *f,
		       const struct roadmap_pipeline_options *o, char **out,
		       struct roadmap_error *err)
{
	size_t n_rules;
	const struct roadmap_rule *rules = roadmap_rules(&n_rules);
	cJSON *root = cJSON_CreateObject(), *runs = cJSON_CreateArray();
	cJSON *run = cJSON_CreateObject(), *tool = cJSON_CreateObject();
	cJSON *driver = cJSON_CreateObject(), *list = cJSON_CreateArray();
	cJSON *results = cJSON_CreateArray(), *inv = cJSON_CreateArray();
	cJSON *one = cJSON_CreateObject();
	char *uri = uri_of(file_of(o));
	bool ok = uri != NULL;

	*out = NULL;
	rm_json_add(root, "$schema",
		    cJSON_CreateString("https://json.schemastore.org/"
				       "sarif-2.1.0.json"),
		    &ok);
	rm_json_add(root, "version", cJSON_CreateString("2.1.0"), &ok);
	rm_json_add(driver, "name", cJSON_CreateString("roadmap"), &ok);
	rm_json_add(driver, "version", cJSON_CreateString(ROADMAP_VERSION),
		    &ok);
	rm_json_add(driver, "semanticVersion",
		    cJSON_CreateString(ROADMAP_VERSION), &ok);
	for (size_t i = 0; i < n_rules; i++) {
		rm_json_push(list, sarif_rule(&rules[i], &ok), &ok);
	}
	rm_json_add(driver, "rules", list, &ok);
	rm_json_add(tool, "driver", driver, &ok);
	rm_json_add(run, "tool", tool, &ok);
	rm_json_add(one, "executionSuccessful", cJSON_CreateTrue(), &ok);
	rm_json_push(inv, one, &ok);
	rm_json_add(run, "invocations", inv, &ok);
	for (size_t i = 0; ok && i < f->n; i++) {
		const struct roadmap_finding *x = &f->items[i];
		rm_json_push(results,
			     sarif_result(x,
					  rule_index(rules, n_rules, x->code),
					  uri ? uri : "", &ok),
			     &ok);
	}
	rm_json_add(run, "results", results, &ok);
	if (f->baselined) {
		cJSON *props = cJSON_CreateObject();
		rm_json_add(props, "knownFindingsLeftOut",
			    cJSON_CreateNumber((double)f->known), &ok);
		rm_json_add(props, "knownFindingsGrown",
			    cJSON_CreateNumber((double)f->grew), &ok);
		rm_json_add(run, "properties", props, &ok);
	}
	rm_json_push(runs, run, &ok);
	rm_json_add(root, "runs", runs, &ok);
	free(uri);
	struct strbuf b = {0};
	enum roadmap_status st =
	    ok ? rm_json_finish(&b, root, out, NULL, err) : rm_nomem(err);

	cJSON_Delete(root);
	return st;
}

/* -------------------------------------------------------------- JUnit */

struct xw {
	xmlTextWriterPtr w;
	bool ok;
	const char *file; /* the roadmap's path escaped for people */
};

static void x_start(struct xw *x, const char *name)
{
	x->ok = x->ok && xmlTextWriterStartElement(x->w, BAD_CAST name) >= 0;
}

static void x_end(struct xw *x)
{
	x->ok = x->ok && xmlTextWriterEndElement(x->w) >= 0;
}

static void x_attr(struct xw *x, const char *name, const char *value)
{
	char *t = clean_text(value);

	x->ok =
	    x->ok && t &&
	    xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST t) >= 0;
	free(t);
}

static void x_attr_n(struct xw *x, const char *name, size_t value)
{
	char n[24];

	snprintf(n, sizeof(n), "%zu", value);
	x_attr(x, name, n);
}

static void x_text(struct xw *x, const char *s)
{
	char *t = clean_text(s);

	x->ok = x->ok && t && xmlTextWriterWriteString(x->w, BAD_CAST t) >= 0;
	free(t);
}

static bool fails(const struct roadmap_finding *f, bool strict)
{
	return f->severity == ROADMAP_SEVERITY_ERROR ||
	       (strict && f->severity == ROADMAP_SEVERITY_WARNING);
}

/* The findings of one rule that fail (or, !failing, that do not) as lines
 * "FILE:LINE: SEVERITY SUBJECT: MESSAGE". */
static void x_findings(struct xw *x, const struct roadmap_findings *f,
		       const char *code, bool failing,
		       const struct roadmap_pipeline_options *o)
{
	struct strbuf b = {0};
	char n[32];

	for (size_t i = 0; i < f->n; i++) {
		const struct roadmap_finding *y = &f->items[i];
		if (strcmp(y->code, code) != 0 ||
		    fails(y, o && o->strict) != failing) {
			continue;
		}
		sb_puts(&b, x->file);
		snprintf(n, sizeof(n), ":%ld: ", y->line > 0 ? y->line : 1);
		sb_puts(&b, n);
		sb_puts(&b, roadmap_severity_name(y->severity));
		sb_puts(&b, " ");
		sb_puts(&b, y->subject);
		sb_puts(&b, ": ");
		sb_puts(&b, y->message);
		sb_puts(&b, "\n");
	}
	sb_put(&b, "", 1);
	if (b.failed) {
		x->ok = false;
	} else {
		x_text(x, b.data);
	}
	sb_release(&b);
}

static void junit_case(struct xw *x, const struct roadmap_findings *f,
		       const struct roadmap_rule *r,
		       const struct roadmap_pipeline_options *o)
{
	size_t failing = 0, other = 0;
	char msg[96];

	for (size_t i = 0; i < f->n; i++) {
		if (strcmp(f->items[i].code, r->code) == 0) {
			if (fails(&f->items[i], o && o->strict)) {
				failing++;
			} else {
				other++;
			}
		}
	}
	x_start(x, "testcase");
	x_attr(x, "name", r->code);
	x_attr(x, "classname", "roadmap.check");
	x_attr(x, "time", "0");
	if (failing) {
		snprintf(msg, sizeof(msg), "%zu finding%s", failing,
			 failing == 1 ? "" : "s");
		x_start(x, "failure");
		x_attr(x, "message", msg);
		x_attr(x, "type", roadmap_severity_name(r->severity));
		x_findings(x, f, r->code, true, o);
		x_end(x);
	}
	if (other) {
		x_start(x, "system-out");
		x_findings(x, f, r->code, false, o);
		x_end(x);
	}
	x_end(x);
}

enum roadmap_status
roadmap_findings_junit(const struct roadmap_findings *f,
		       const struct roadmap_pipeline_options *o, char **out,
		       struct roadmap_error *err)
{
	size_t n_rules, failed = 0;
	const struct roadmap_rule *rules = roadmap_rules(&n_rules);
	xmlBufferPtr buf = xmlBufferCreate();
	char *file = rm_text_escape(file_of(o));
	struct xw x = {buf ? xmlNewTextWriterMemory(buf, 0) : NULL, true, file};

	*out = NULL;
	if (!x.w || !file) {
		if (x.w) {
			xmlFreeTextWriter(x.w);
		}
		if (buf) {
			xmlBufferFree(buf);
		}
		free(file);
		return rm_nomem(err);
	}
	for (size_t r = 0; r < n_rules; r++) {
		for (size_t i = 0; i < f->n; i++) {
			if (strcmp(f->items[i].code, rules[r].code) == 0 &&
			    fails(&f->items[i], o && o->strict)) {
				failed++;
				break;
			}
		}
	}
	x.ok = xmlTextWriterSetIndent(x.w, 1) >= 0 &&
	       xmlTextWriterSetIndentString(x.w, BAD_CAST "  ") >= 0 &&
	       xmlTextWriterStartDocument(x.w, NULL, "UTF-8", NULL) >= 0;
	x_start(&x, "testsuite");
	x_attr(&x, "name", "roadmap check");
	x_attr_n(&x, "tests", n_rules);
	x_attr_n(&x, "failures", failed);
	x_attr(&x, "errors", "0");
	x_attr(&x, "skipped", "0");
	x_attr(&x, "time", "0");
	x_start(&x, "properties");
	x_start(&x, "property");
	x_attr(&x, "name", "roadmap.file");
	x_attr(&x, "value", x.file);
	x_end(&x);
	x_start(&x, "property");
	x_attr(&x, "name", "roadmap.version");
	x_attr(&x, "value", ROADMAP_VERSION);
	x_end(&x);
	if (f->baselined) {
		x_start(&x, "property");
		x_attr(&x, "name", "roadmap.baseline.known");
		x_attr_n(&x, "value", f->known);
		x_end(&x);
		x_start(&x, "property");
		x_attr(&x, "name", "roadmap.baseline.grew");
		x_attr_n(&x, "value", f->grew);
		x_end(&x);
	}
	x_end(&x);
	for (size_t r = 0; r < n_rules; r++) {
		junit_case(&x, f, &rules[r], o);
	}
	x_end(&x);
	x.ok = x.ok && xmlTextWriterEndDocument(x.w) >= 0;
	xmlFreeTextWriter(x.w);
	if (x.ok) {
		const char *s = (const char *)xmlBufferContent(buf);
		*out = rm_strdup(s ? s : "");
		x.ok = *out != NULL;
	}
	xmlBufferFree(buf);
	free(file);
	return x.ok ? ROADMAP_OK : rm_nomem(err);
}
