package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/declinedesk/declinedesk"
	"github.com/declinedesk/declinedesk/internal/clip"
	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Exit codes, as the product promises them.
const (
	exitOK       = 0
	exitFindings = 1 // check found an error-severity finding
	exitBadInput = 2 // bad usage or bad input
	exitInUse    = 3 // the database is open in another Decline Desk
	exitDamaged  = 4 // the database is damaged
)

// env is what a command gets to work with.
type env struct {
	dbFlag string // --db, when given
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	clip   clip.Writer // the system clipboard unless a test sets another
	clock  clock.Clock // the system clock unless a test sets another
}

// now is the time on the command's clock.
func (e *env) now() time.Time {
	if e.clock == nil {
		e.clock = clock.System()
	}
	return e.clock.Now()
}

// storeOptions are the options every command opens the database with.
func (e *env) storeOptions() tracker.Options { return tracker.Options{Clock: e.clock} }

// dbFlag is --db: a file name, never empty (an empty name must not quietly mean the
// default database).
type dbFlag struct{ path *string }

func (f dbFlag) String() string {
	if f.path == nil {
		return ""
	}
	return *f.path
}

func (f dbFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("--db needs a file name")
	}
	if *f.path != "" && *f.path != v {
		return fmt.Errorf("--db was given twice (%s and %s): give the database once", shown(*f.path), shown(v))
	}
	*f.path = v
	return nil
}

// outputFlag is a flag that names an output file, or "-" for standard output; given, it
// must name something.
type outputFlag struct {
	name string
	set  bool
}

func (f *outputFlag) String() string { return f.name }

func (f *outputFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("needs a file name, or - for standard output")
	}
	f.name, f.set = v, true
	return nil
}

// shown is a name as a message may print it: control characters, which could work on the
// terminal, are written as escapes.
func shown(name string) string {
	if strings.IndexFunc(name, unsafeInMessage) < 0 {
		return name
	}
	q := strconv.Quote(name)
	return q[1 : len(q)-1]
}

// unsafeInMessage is a character a message must not print as it is: any control character
// but the line breaks and tabs messages are made of.
func unsafeInMessage(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t'
}

// safeMessage writes the control characters of a message, other than its line breaks and
// tabs, as escapes: messages quote file names and file contents.
func safeMessage(msg string) string {
	if strings.IndexFunc(msg, unsafeInMessage) < 0 {
		return msg
	}
	var b strings.Builder
	for _, r := range msg {
		if unsafeInMessage(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkedWriter remembers the first failed write, so that output lost to a full disk or a
// closed pipe is an error, not a quiet success.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

func (e *env) clipboard() clip.Writer {
	if e.clip == nil {
		return clip.System{}
	}
	return e.clip
}

type command struct {
	usage string
	run   func(e *env, args []string) error
}

// composeUsage has two lines: a letter from a spec file, and one from a tracker record.
const composeUsage = "compose SPEC.json [--eml OUT.eml] [--copy]\n" +
	"  declinedesk compose --id N [--kind K] [--from \"Full Name <email>\"] [--eml OUT.eml] [--copy]"

var commands = map[string]command{
	"import":  {"import FILE.csv [--valid-only] [--dates dmy|mdy] [--map \"Their Column=field,…\"]", runImport},
	"export":  {"export FILE.csv|- [--raw]", runExport},
	"list":    {"list [--status ID] [--json]", runList},
	"compose": {composeUsage, runCompose},
	"check":   {"check FILE|- [--json] [--name \"Full Name\"] [--kind K]", runCheck},
	"backup":  {"backup OUT.db|-", runBackup},
	"version": {"version", runVersion},

	"calendar": {"calendar OUT.ics|-", runCalendar},

	"import-mail": {"import-mail FILE.eml|-", runImportMail},
}

// order in which usage lists the commands
var commandOrder = []string{"import", "import-mail", "export", "list", "compose", "check", "calendar", "backup", "version"}

// usageError is bad usage: its message is printed with the usage line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: declinedesk [--db PATH] [COMMAND]")
	fmt.Fprintln(w, "\nWith no command, opens the Decline Desk window. Commands:")
	for _, name := range commandOrder {
		fmt.Fprintln(w, "  declinedesk "+commands[name].usage)
	}
	fmt.Fprintln(w, "  declinedesk help [COMMAND]")
	fmt.Fprintln(w, "\nThe database is --db PATH, else $DECLINEDESK_DB, else declinedesk.db in the app's data folder.")
}

// run is the whole program; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(&env{stdin: stdin, stdout: stdout, stderr: stderr}, args...)
}

func runWith(e *env, args ...string) int {
	out := &checkedWriter{w: e.stdout}
	e.stdout = out
	code := dispatch(e, args)
	if out.err != nil {
		fmt.Fprintf(e.stderr, "declinedesk: could not write the output: %v\n", out.err)
		return exitBadInput
	}
	return code
}

func dispatch(e *env, args []string) int {
	stdout, stderr := e.stdout, e.stderr
	fs := flag.NewFlagSet("declinedesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(dbFlag{&e.dbFlag}, "db", "database file")
	help := fs.Bool("help", false, "")
	fs.BoolVar(help, "h", false, "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(stderr, "declinedesk:", err)
		usage(stderr)
		return exitBadInput
	}
	if *help {
		usage(stdout)
		return exitOK
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return openWindow(e)
	}
	name, args := rest[0], rest[1:]
	if name == "help" && len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	if name == "help" {
		name, args = args[0], []string{"--help"}
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "declinedesk: unknown command %q\n", name)
		usage(stderr)
		return exitBadInput
	}
	err := cmd.run(e, args)
	var ue usageError
	var ce checkFailed
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stdout, "usage: declinedesk %s\n", cmd.usage)
		return exitOK
	case errors.As(err, &ce):
		return exitFindings
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "declinedesk: %s\nusage: declinedesk %s\n", safeMessage(ue.msg), cmd.usage)
		return exitBadInput
	case errors.Is(err, tracker.ErrDamaged):
		err = e.moveDamagedAside(err)
	}
	fmt.Fprintln(stderr, "declinedesk:", safeMessage(err.Error()))
	return exitCodeFor(err)
}

// checkFailed is returned by check when the letter has an error-severity finding; the
// findings were already printed.
type checkFailed struct{}

func (checkFailed) Error() string { return "the letter has errors" }

// flags parses a command's arguments: --db wherever it comes, the flags define adds, and
// the positional arguments, which it returns.
func (e *env) flags(name string, args []string, define func(fs *flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Var(dbFlag{&e.dbFlag}, "db", "database file")
	if define != nil {
		define(fs)
	}
	return parseFlags(fs, args)
}

// open opens a named file for reading, or standard input for "-".
func (e *env) open(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	return f, nil
}

// parseFlags parses args with fs, allowing flags before, between and after the positional
// arguments ("import x.csv --valid-only"). A lone "-" is positional (standard input/output).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, err
		} else if err != nil {
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// dbPath is where the database is: --db, else $DECLINEDESK_DB, else declinedesk.db in the
// app's data folder.
func (e *env) dbPath() (string, error) {
	if e.dbFlag != "" {
		return e.dbFlag, nil
	}
	if p := os.Getenv("DECLINEDESK_DB"); p != "" {
		return p, nil
	}
	root, err := storageRoot(declinedesk.AppInfo().ID)
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "declinedesk.db"), nil
}

// home is the user's home folder, the root of the default database's folder; without it
// there is no default, and the user names a database.
func home() (string, error) {
	h, err := os.UserHomeDir()
	if err != nil || !filepath.IsAbs(h) {
		return "", errors.New("cannot tell where your home folder is (HOME is not set), so there is no default database: " +
			"name one with --db PATH or DECLINEDESK_DB")
	}
	return h, nil
}

// openStore opens the database for a command. Damage is not handled here: whatever finds
// it, opening or reading, returns it, and dispatch moves the file aside once it is closed.
func (e *env) openStore() (*tracker.BoltStore, error) {
	path, err := e.dbPath()
	if err != nil {
		return nil, err
	}
	return tracker.Open(path, e.storeOptions())
}

// outputGuard refuses the outputs no command may write over (see tracker.OutputGuard),
// with the database this command would use, when there is one, and its backups.
func (e *env) outputGuard() fsutil.Guard {
	path, _ := e.dbPath() // without a default database, the guard still knows every database by its content
	return tracker.OutputGuard(path)
}

// moveDamagedAside moves the damaged database out of the way, unchanged — the real file,
// when the path is a link — and returns the message that says so.
func (e *env) moveDamagedAside(damage error) error {
	given, err := e.dbPath()
	if err != nil {
		return damage
	}
	path := tracker.RealPath(given)
	detail := strings.TrimPrefix(damage.Error(), tracker.ErrDamaged.Error()+": ")
	aside, moveErr := tracker.MoveAside(path, "damaged", e.now())
	if moveErr != nil {
		return fmt.Errorf("%w (%s); it was left where it is, unchanged: %v", tracker.ErrDamaged, detail, moveErr)
	}
	via := ""
	if path != given {
		via = fmt.Sprintf(" (%s leads to it)", given)
	}
	return fmt.Errorf("%w (%s).\nThe file %s%s was moved, unchanged, to %s.\n"+
		"Start Decline Desk to restore the newest backup (from %s), or carry on with an empty tracker.",
		tracker.ErrDamaged, detail, path, via, aside, tracker.BackupDir(path))
}

func runVersion(e *env, args []string) error {
	rest, err := e.flags("version", args, nil)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintln(e.stdout, declinedesk.AppInfo())
	return nil
}

func oneArg(args []string, what string) (string, error) {
	switch len(args) {
	case 0:
		return "", usagef("missing %s", what)
	case 1:
		return args[0], nil
	default:
		return "", usagef("unexpected arguments: %s", strings.Join(args[1:], " "))
	}
}
