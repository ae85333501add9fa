package datasources

// MapWorkers is how many pages are mapped at once, for the tests that bound
// the requests made after a mapping error.
var MapWorkers = mapWorkers
