import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's bootstrap chatter (every module and route, one line each) is for debug level only. */
const CHATTY = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestFactory']);

export class QuietLogger extends ConsoleLogger {
  constructor(private readonly verbose_: boolean, levels: LogLevel[]) {
    super();
    this.setLogLevels(levels);
  }

  override log(message: unknown, context?: string): void {
    if (!this.verbose_ && context && CHATTY.has(context)) return;
    super.log(message, context);
  }
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** LOG_LEVEL (error, warn, info, debug) as Nest log levels. */
export function logLevels(level: string): LogLevel[] {
  const wanted = level === 'info' ? 'log' : (level as LogLevel);
  const i = LEVELS.indexOf(wanted);
  return LEVELS.slice(0, i < 0 ? 4 : i + 1);
}
