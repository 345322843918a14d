/* The cablewire subcommands; each returns the process exit code. */
#ifndef CW_CLI_COMMANDS_H
#define CW_CLI_COMMANDS_H

#include "cablewire.h"

enum exit_code { EXIT_OK = 0, EXIT_INPUT_ERRORS = 1, EXIT_USAGE = 2 };

int cmd_parse(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_validate(int argc, char **argv);

/* Shared by the commands: "--from NAME" and "--format NAME" values, with a usage error message
 * on stderr when unknown. */
int parse_form_arg(const char *name);
int parse_format_arg(const char *name);

/* "--format sqlite": the SQLite archive, known to the CLI only. It is not a cw_format (an
 * archive is a file updated in place, not a byte stream), so convert hands it to
 * convert_archive() and parse refuses it. */
enum { FORMAT_SQLITE = 1000 };

struct convert_settings;
int convert_archive(const struct convert_settings *cs, const char *out_path, int resume);

#endif
