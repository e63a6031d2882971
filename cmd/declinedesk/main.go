// Command declinedesk is Decline Desk: with no command it opens the window, with one it
// works on the tracker from the command line.
package main

import "os"

func main() {
	attachParentConsole()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
