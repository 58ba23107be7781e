import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StudentView, TeacherView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { UpdateStudentProfileDto } from './dto/person.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('students/me')
  @Roles('student')
  @ApiOperation({ summary: 'The signed-in student’s profile' })
  student(@CurrentActor() actor: Actor): Promise<StudentView> {
    return this.people.student(actor);
  }

  @Patch('students/me')
  @Roles('student')
  @ApiOperation({ summary: 'Update skills, certificates and preferred districts' })
  updateStudent(@CurrentActor() actor: Actor, @Body() body: UpdateStudentProfileDto): Promise<StudentView> {
    return this.people.updateStudent(actor, body);
  }

  @Get('teachers/me')
  @Roles('teacher')
  @ApiOperation({ summary: 'The signed-in teacher’s profile' })
  teacher(@CurrentActor() actor: Actor): Promise<TeacherView> {
    return this.people.teacher(actor);
  }
}
