// Command mksample writes sample opportunities as CSV, for screenshots and performance runs:
//
//	go run ./internal/sample/mksample -n 100000 > sample.csv
package main

import (
	"encoding/csv"
	"flag"
	"log"
	"os"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/sample"
)

func main() {
	n := flag.Int("n", 20, "how many opportunities")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same records")
	flag.Parse()
	w := csv.NewWriter(os.Stdout)
	w.Write(csvio.Columns())
	for i, o := range sample.Opportunities(*n, *seed) {
		o.ID = uint64(i + 1)
		w.Write(csvio.Fields(&o))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		log.Fatal(err)
	}
}
