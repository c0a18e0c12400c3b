import { Component, type ReactNode } from "react";
import { usePlayground } from "../store/store";

interface Props {
  /** Names the panel in the message ("the charts"). */
  name: string;
  children: ReactNode;
}

interface State {
  error: string | null;
  runId: number;
}

/**
 * Keeps one panel's failure to that panel: whatever it was given to draw, the rest of the
 * page (the editor and its code above all) stays. The panel tries again on the next run.
 */
export function PanelBoundary({ name, children }: Props) {
  const runId = usePlayground((s) => s.run.runId);
  return (
    <Boundary name={name} runId={runId}>
      {children}
    </Boundary>
  );
}

class Boundary extends Component<Props & { runId: number }, State> {
  override state: State = { error: null, runId: this.props.runId };

  static getDerivedStateFromError(e: unknown): Partial<State> {
    let message = "an unknown error";
    try {
      message = e instanceof Error ? e.message : String(e);
    } catch {
      // keep the generic text
    }
    return { error: message.slice(0, 200) };
  }

  static getDerivedStateFromProps(props: { runId: number }, state: State): Partial<State> | null {
    return props.runId !== state.runId ? { error: null, runId: props.runId } : null;
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="panel-failed" role="alert" data-testid="panel-failed">
        <p>
          {this.props.name} could not be shown: {this.state.error}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
