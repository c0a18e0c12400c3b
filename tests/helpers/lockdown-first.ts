// Every unit test file runs in a locked-down realm, as the run worker and the CLI's strategy
// thread do: engine code that breaks under frozen built-ins fails here first.
import "../../src/runtime/lockdown";
