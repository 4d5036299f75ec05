/** The syntax tree of the VKScript subset execute runs. Every node carries its depth (`d`). */

export type Expression =
  | { type: 'literal'; value: null | boolean | number | string; d: number }
  | { type: 'array'; elements: Expression[]; d: number }
  | { type: 'object'; properties: { key: string; value: Expression }[]; d: number }
  | { type: 'identifier'; name: string; d: number }
  | { type: 'member'; object: Expression; property: string; d: number }
  | { type: 'index'; object: Expression; index: Expression; d: number }
  | { type: 'pluck'; object: Expression; property: string; d: number }
  | { type: 'call'; callee: Expression; args: Expression[]; d: number }
  | { type: 'api'; method: string; args: Expression[]; d: number }
  | { type: 'unary'; operator: '!' | '-' | '+'; argument: Expression; d: number }
  | { type: 'binary'; operator: string; left: Expression; right: Expression; d: number }
  | { type: 'logical'; operator: '&&' | '||'; left: Expression; right: Expression; d: number };

export type AssignTarget = Extract<Expression, { type: 'identifier' | 'member' | 'index' }>;

export type Statement =
  | { type: 'var'; declarations: { name: string; init: Expression | undefined }[]; d: number }
  | { type: 'assign'; operator: '=' | '+=' | '-='; target: AssignTarget; value: Expression; d: number }
  | { type: 'expression'; expression: Expression; d: number }
  | { type: 'if'; test: Expression; consequent: Statement; alternate: Statement | undefined; d: number }
  | { type: 'while'; test: Expression; body: Statement; d: number }
  | { type: 'return'; argument: Expression | undefined; d: number }
  | { type: 'block'; body: Statement[]; d: number };
