/** `firedrill graph`: prints a Mermaid diagram of a scenario's flow. */
import { scenarioGraph } from '../../engine/index';
import { args } from '../args';
import { EXIT } from '../exit';
import type { Io } from '../io';
import { scenarioArgument } from '../scenario-file';

export function graph(argv: string[], io: Io): number {
  const { positionals } = args(argv, {}, 1);
  const scenario = scenarioArgument(positionals[0]!, io);
  if (!scenario) return EXIT.invalid;
  io.out(scenarioGraph(scenario));
  return EXIT.ok;
}
