/**
 * Size limits on everything a user, a model or a file can hand the engine. One place, so the MCP
 * server, the web API and the parsers refuse the same things with the same numbers.
 */

/** Arguments of calls (MCP tools and prompts, the web API), in characters. */
export const MAX_NAME_LENGTH = 1024;
export const MAX_QUERY_LENGTH = 1000;
export const MAX_PROFILE_LENGTH = 100;
export const MAX_PATH_LENGTH = 4096;
/** A variable's value as given at render time (`vars`), and how many of them one call may pass. */
export const MAX_VALUE_LENGTH = 64 * 1024;
export const MAX_VALUES_GIVEN = 200;
/** What a completion request says was typed so far. */
export const MAX_TYPED_LENGTH = 4096;
/** An execution log: a report, not a dump. */
export const MAX_LOG_CHARS = 1_000_000;

/**
 * A rendered runbook: values repeat (`{env[big]}` a thousand times), so a small file with a large
 * env value could otherwise render to hundreds of MB.
 */
export const MAX_RENDERED_CHARS = 8 * 1024 * 1024;

/** YAML (front matter and env files), before and after parsing. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
export const MAX_ENV_FILE_BYTES = 1024 * 1024;
/** Nesting of block and flow collections; the parser's cost grows steeply past a few dozen. */
export const MAX_YAML_DEPTH = 32;
/** Aliases in one document: `yaml`'s own guard against billion-laughs expansion. */
export const MAX_YAML_ALIASES = 100;
/**
 * What a parsed document may weigh with its aliases expanded (characters of keys and scalars,
 * plus one per node): aliases may share, not multiply.
 */
export const MAX_FRONT_MATTER_EXPANDED = 64 * 1024;
export const MAX_ENV_EXPANDED = 4 * 1024 * 1024;

/** A runbook's metadata, so no runbook can blow up a listing. */
export const MAX_VARIABLES = 100;
export const MAX_VARIABLE_NAME_LENGTH = 128;
export const MAX_TITLE_LENGTH = 500;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_DEFAULT_LENGTH = 2000;
export const MAX_CHOICES = 100;
export const MAX_CHOICE_LENGTH = 200;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 100;
export const MAX_PROBLEMS = 20;

/**
 * `{include[name]}` nesting: a runbook that includes one that includes another… at most this deep.
 * Deeper is a mistake (or a hostile folder), and each level may multiply the rendered text.
 */
export const MAX_INCLUDE_DEPTH = 8;
/** Includes a runbook's summary lists (for its merged variables); a render reads them all. */
export const MAX_INCLUDES_LISTED = 100;
/** Front matter `tools:`: how many MCP tool names, and how long each may be. */
export const MAX_TOOLS = 100;
export const MAX_TOOL_NAME_LENGTH = 200;
