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

#endif
