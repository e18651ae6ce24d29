/*
 * bare-parse.c - the floor the loader is measured against (issue 18): read
 * a file and parse it whole with cJSON, nothing else (the tree is left to
 * the exit, as the CLI leaves its model).
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	long n;
	char *data;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || !(data = malloc((size_t)n + 1)) ||
	    fread(data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "usage: bare-parse FILE\n");
		return 2;
	}
	return cJSON_ParseWithLengthOpts(data, (size_t)n, NULL, 0) ? 0 : 1;
}
