/* tool_mail_compose: prints one message made by mail_compose (signed when a key is given), for test_dkim.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "jobs/dkim.h"
#include "jobs/mail_compose.h"

/* Usage: tool_mail_compose [--key FILE] [--selector S] [--domain D] [--from F] --to T --subject S --text T
 * [--html H] [--unsubscribe URL] [--list-id ID] [--list-name NAME]
 * The key goes through dkim_signer_from_config, as `plenary serve` reads it; errors on standard error,
 * exit 1. */
int main(int argc, char **argv)
{
	static struct config c;
	config_defaults(&c);
	struct mail_msg m = {.from = c.mail_from};
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (strcmp(k, "--key") == 0)
			snprintf(c.dkim_key_file, sizeof c.dkim_key_file, "%s", v);
		else if (strcmp(k, "--selector") == 0)
			snprintf(c.dkim_selector, sizeof c.dkim_selector, "%s", v);
		else if (strcmp(k, "--domain") == 0)
			snprintf(c.dkim_domain, sizeof c.dkim_domain, "%s", v);
		else if (strcmp(k, "--from") == 0)
			snprintf(c.mail_from, sizeof c.mail_from, "%s", v);
		else if (strcmp(k, "--to") == 0)
			m.to = v;
		else if (strcmp(k, "--subject") == 0)
			m.subject = v;
		else if (strcmp(k, "--text") == 0)
			m.text = v;
		else if (strcmp(k, "--html") == 0)
			m.html = v;
		else if (strcmp(k, "--unsubscribe") == 0)
			m.unsubscribe_url = v;
		else if (strcmp(k, "--list-id") == 0)
			m.list_id = v;
		else if (strcmp(k, "--list-name") == 0)
			m.list_name = v;
		else {
			fprintf(stderr, "tool_mail_compose: unknown option %s\n", k);
			return 2;
		}
	}
	char err[600];
	struct dkim_signer *s;
	if (dkim_signer_from_config(&c, &s, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	buf out;
	buf_init(&out, NULL);
	int rc = mail_compose(&m, s, &out);
	if (rc == 0)
		fwrite(out.p, 1, out.len, stdout);
	buf_free(&out);
	dkim_signer_free(s);
	return rc == 0 ? 0 : 1;
}
